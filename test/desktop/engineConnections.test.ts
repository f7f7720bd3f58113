import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertSummary } from '../../shared/domain/alert.js';
import type { IpcSyncEvent } from '../../shared/ipc/ipcViews.js';
import { EngineRegistry } from '../../main/engines/engineRegistry.js';
import { RemoteEngines } from '../../main/engines/remoteEngines.js';
import type { SafeStorageLike } from '../../main/engines/secretBox.js';
import { SettingsStore } from '../../main/settings/settingsStore.js';
import { client } from '../helpers/http.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/** Main's engine connections against a real engine: the `ws` sync client, replica, counts, hooks. */
let t: TestEngine;
const dir = mkdtempSync(join(tmpdir(), 'nocturne-connections-'));
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const storage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`enc:${text}`),
  decryptString: (data) => data.toString().slice(4),
};

function setup() {
  const forwarded: Array<{ ids: readonly number[]; engineId: string; event: IpcSyncEvent }> = [];
  const fresh: AlertSummary[] = [];
  const registry = new EngineRegistry({
    forward: (ids, engineId, event) => forwarded.push({ ids, engineId, event }),
    onNewAlert: (_engine, alert) => fresh.push(alert),
    onNotification: () => undefined,
    onDidChange: () => undefined,
  });
  const settings = new SettingsStore(join(dir, `settings-${Math.random()}.json`));
  const remotes = new RemoteEngines({
    registry,
    settings,
    safeStorage: storage,
    platform: 'linux',
    log: () => undefined,
  });
  return { registry, settings, remotes, forwarded, fresh };
}

describe('engine connections in main', () => {
  it('adds a remote engine (token stored encrypted), streams it to subscribed windows, counts and spots new alerts', async () => {
    const { registry, settings, remotes, forwarded, fresh } = setup();
    const added = await remotes.add('Team NOC', `${t.url}/`, adminToken);
    expect(added.ok).toBe(true);
    const id = added.ok ? added.value : '';
    const saved = settings.value.engines.remotes[0]!;
    expect(saved).toMatchObject({ id, label: 'Team NOC', url: t.url });
    expect(saved.tokenCiphertext).not.toContain(adminToken);
    expect(Buffer.from(saved.tokenCiphertext, 'base64').toString()).toBe(`enc:${adminToken}`);

    const connection = registry.get(id)!;
    await expect.poll(() => connection.status.status, { timeout: 10_000 }).toBe('live');
    expect(registry.subscribe(id, 41)).toBe(true);
    expect(forwarded.filter((f) => f.ids.includes(41)).map((f) => f.event.type)).toEqual([
      'status',
      'snapshot',
    ]);

    const api = client(t.url);
    const source = await api.post('/api/v1/alert-sources', { name: 'Prometheus' });
    await api.post('/api/events', {
      integrationKey: source.body.integrationKey,
      eventType: 'ALERT',
      summary: 'Disk full on db-1',
      alertKey: 'disk-db-1',
      priority: 'HIGH',
    });
    await expect
      .poll(() => fresh.map((a) => a.summary), { timeout: 10_000 })
      .toEqual(['Disk full on db-1']);
    expect(registry.counts()).toMatchObject({ pendingOverall: 1, highOverall: 1 });
    expect(forwarded.some((f) => f.ids.includes(41) && f.event.type === 'changes')).toBe(true);
    // A repeated event of the same alert is not a new alert.
    await api.post('/api/events', {
      integrationKey: source.body.integrationKey,
      eventType: 'ALERT',
      summary: 'Disk full on db-1',
      alertKey: 'disk-db-1',
      priority: 'HIGH',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fresh).toHaveLength(1);

    const views = registry.views();
    expect(views).toEqual([
      expect.objectContaining({
        id,
        label: 'Team NOC',
        kind: 'remote',
        status: 'live',
        pendingOverall: 1,
      }),
    ]);
    const accepted = await connection.alertAction(fresh[0]!.id, 'accept', {});
    expect(accepted).toMatchObject({ ok: true, value: { state: 'ACCEPTED' } });
    await expect.poll(() => registry.counts().pendingOverall, { timeout: 10_000 }).toBe(0);

    expect(remotes.remove(id)).toBe(true);
    expect(registry.get(id)).toBeUndefined();
    expect(settings.value.engines.remotes).toEqual([]);
  });

  it('refuses a token the engine refuses, and a bad URL, storing nothing', async () => {
    const { remotes, settings } = setup();
    expect(await remotes.add('x', t.url, 'noc_wrong-token-0123456789abcdefghij')).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await remotes.add('x', 'ftp://x', adminToken)).toMatchObject({
      ok: false,
      error: { code: 'invalid_engine_url' },
    });
    expect(settings.value.engines.remotes).toEqual([]);
  });

  it('refuses to store a token without a secret store', async () => {
    const { registry, settings } = setup();
    const plain = new RemoteEngines({
      registry,
      settings,
      safeStorage: { ...storage, isEncryptionAvailable: () => false },
      platform: 'linux',
      log: () => undefined,
    });
    expect(await plain.add('x', t.url, adminToken)).toMatchObject({
      ok: false,
      error: { code: 'secure_storage_unavailable' },
    });
    expect(settings.value.engines.remotes).toEqual([]);
  });
});
