import type { IpcResult } from '../../shared/ipc/ipcViews.js';
import { streamUrl } from '../../shared/sync/webSocketConnector.js';
import type { SettingsStore } from '../settings/settingsStore.js';
import { createEngineRest } from './engineRest.js';
import { EngineRegistry } from './engineRegistry.js';
import {
  decryptSecret,
  encryptSecret,
  SecureStorageUnavailable,
  type SafeStorageLike,
} from './secretBox.js';

export interface RemoteEnginesDeps {
  readonly registry: EngineRegistry;
  readonly settings: SettingsStore;
  readonly safeStorage: SafeStorageLike;
  readonly platform: string;
  readonly log: (line: string) => void;
}

/** `http(s)://host[:port][/prefix]`, without a trailing slash, or null. */
export function normaliseEngineUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    streamUrl(url.href);
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** Remote engines: connect the saved ones, add (token encrypted first) and remove. */
export class RemoteEngines {
  constructor(private readonly deps: RemoteEnginesDeps) {}

  connectSaved(): void {
    for (const remote of this.deps.settings.value.engines.remotes) {
      let token: string;
      try {
        token = decryptSecret(this.deps.safeStorage, remote.tokenCiphertext);
      } catch (error) {
        this.deps.log(
          `engine ${remote.label}: the stored token cannot be decrypted (${(error as Error).message}); add the engine again`,
        );
        continue;
      }
      this.deps.registry.connect({
        id: remote.id,
        label: remote.label,
        kind: 'remote',
        url: remote.url,
        token,
      });
    }
  }

  async add(label: string, rawUrl: string, token: string): Promise<IpcResult<string>> {
    const url = normaliseEngineUrl(rawUrl);
    if (!url)
      return fail(
        'invalid_engine_url',
        'Enter the engine address as http(s)://host:port, without a user name, query or fragment.',
      );
    let ciphertext: string;
    try {
      ciphertext = encryptSecret(this.deps.safeStorage, this.deps.platform, token);
    } catch (error) {
      if (error instanceof SecureStorageUnavailable) return fail(error.code, error.message);
      throw error;
    }
    // Refuse a token the engine refuses; an engine that is down now can still be added.
    const me = await createEngineRest({ baseUrl: url, token: () => token, timeoutMs: 8000 })
      .raw('GET', '/api/v1/me')
      .catch(() => null);
    if (me && me.status === 401)
      return fail(
        'unauthorized',
        `The engine at ${url} does not accept this token. Create a token in its console (or with the API) and paste it here.`,
      );
    const id = EngineRegistry.newRemoteId();
    this.deps.settings.update((s) => ({
      ...s,
      engines: {
        ...s.engines,
        remotes: [...s.engines.remotes, { id, label, url, tokenCiphertext: ciphertext }],
      },
    }));
    this.deps.registry.connect({ id, label, kind: 'remote', url, token });
    return { ok: true, value: id };
  }

  remove(id: string): boolean {
    if (!this.deps.settings.value.engines.remotes.some((r) => r.id === id)) return false;
    this.deps.registry.disconnect(id);
    this.deps.settings.update((s) => ({
      ...s,
      engines: { ...s.engines, remotes: s.engines.remotes.filter((r) => r.id !== id) },
    }));
    return true;
  }
}

function fail(
  code: string,
  message: string,
): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code, message } };
}
