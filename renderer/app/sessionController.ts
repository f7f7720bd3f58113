import type { NotificationMessage } from '../../shared/protocol/messages.js';
import { bindTransport } from '../state/bindTransport.js';
import type { AppStore } from '../state/createAppStore.js';
import type { FrameScheduler } from '../state/frameScheduler.js';
import {
  forgetCredentials,
  saveCredentials,
  type Credentials,
  type KeyValueStorage,
} from '../transport/credentials.js';
import type { Transport } from '../transport/transport.js';
import { normaliseEngineUrl } from './engineUrl.js';
import { forgetEngineData } from './forgetEngineData.js';
import { watchStreamRefusal } from './streamDiagnosis.js';

export interface SessionDeps {
  readonly store: AppStore;
  readonly storage: KeyValueStorage | null;
  readonly frames: FrameScheduler;
  /** Builds the transport for an engine and token (the browser's; in tests a fake). */
  readonly createTransport: (credentials: Credentials) => Transport;
  readonly onNotification?: (notification: NotificationMessage) => void;
  /** The page's origin, to name it when the engine refuses the stream from it. */
  readonly pageOrigin?: string | null;
}

/** Signs in and out: owns the transport of the current session. */
export interface SessionController {
  /** The sign-in form: checks the token with the engine before anything is stored. */
  signIn(engineUrl: string, token: string): Promise<boolean>;
  /**
   * At start-up with stored credentials (or a wall screen's `?token=`): a refused token shows
   * the sign-in form; an engine that cannot be reached yet does not (a wall screen that boots
   * before the engine waits for it).
   */
  resume(credentials: Credentials): Promise<void>;
  signOut(): void;
  /** The current session's transport; null when signed out. */
  readonly transport: Transport | null;
}

export function createSessionController(deps: SessionDeps): SessionController {
  const { store } = deps;
  let transport: Transport | null = null;
  let unbind: (() => void) | null = null;

  const stop = () => {
    unbind?.();
    transport?.close();
    unbind = null;
    transport = null;
  };

  const start = async (credentials: Credentials, tolerateUnreachable: boolean) => {
    stop();
    const setSession = store.getState().setSession;
    const engineUrl = normaliseEngineUrl(credentials.engineUrl);
    const token = credentials.token.trim();
    if (!engineUrl || !token) {
      setSession({
        phase: 'signedOut',
        error: {
          code: engineUrl ? 'token_missing' : 'invalid_engine_url',
          message: engineUrl
            ? 'Paste an API token (noc_…): the engine prints the admin’s at its first start.'
            : 'The engine address is not a URL such as http://127.0.0.1:7070.',
        },
      });
      return false;
    }
    const candidate = deps.createTransport({ engineUrl, token });
    if (tolerateUnreachable) return resumeWith(candidate, { engineUrl, token });
    setSession({ phase: 'signingIn', engineUrl, error: null });
    const me = await candidate.whoAmI();
    if (!me.ok) {
      candidate.close();
      setSession({ phase: 'signedOut', user: null, error: me.error });
      return false;
    }
    saveCredentials(deps.storage, { engineUrl, token });
    setSession({ phase: 'signedIn', user: me.value, error: null });
    bind(candidate);
    return true;
  };

  /**
   * Stored credentials worked before: the stream starts at once, while the token is checked
   * beside it (the queue does not wait a round trip to appear). A refused token ends the session
   * and shows the sign-in form; an engine that cannot be reached yet does not (a wall screen that
   * boots before the engine waits for it).
   */
  const resumeWith = async (candidate: Transport, credentials: Credentials) => {
    const setSession = store.getState().setSession;
    setSession({ phase: 'signedIn', engineUrl: credentials.engineUrl, user: null, error: null });
    bind(candidate);
    const me = await candidate.whoAmI();
    if (transport !== candidate) return false; // signed out or in elsewhere meanwhile
    if (me.ok) {
      saveCredentials(deps.storage, credentials);
      setSession({ user: me.value });
      return true;
    }
    if (me.error.code === 'engine_unreachable') {
      saveCredentials(deps.storage, credentials);
      void fillUserLater(candidate);
      return true;
    }
    stop();
    store.getState().clearReplica();
    setSession({ phase: 'signedOut', user: null, error: me.error });
    return false;
  };

  const bind = (candidate: Transport) => {
    transport = candidate;
    const unbindStream = bindTransport(store, candidate, {
      frames: deps.frames,
      ...(deps.onNotification ? { onNotification: deps.onNotification } : {}),
    });
    const unwatch = watchStreamRefusal(store, candidate, deps.pageOrigin ?? null);
    unbind = () => {
      unwatch();
      unbindStream();
    };
  };

  /** Signed in while the engine was away: learn who we are once it answers. */
  const fillUserLater = async (mine: Transport) => {
    for (let delay = 2000; transport === mine; delay = Math.min(delay * 2, 30_000)) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (transport !== mine) return;
      const me = await mine.whoAmI();
      if (me.ok) return store.getState().setSession({ user: me.value });
      if (me.error.status === 401) return; // the stream's own check reports it
    }
  };

  return {
    signIn: (engineUrl, token) => start({ engineUrl, token }, false),
    resume: async (credentials) => {
      await start(credentials, true);
    },
    signOut() {
      stop();
      forgetCredentials(deps.storage);
      forgetEngineData(store);
      store
        .getState()
        .setSession({ phase: 'signedOut', user: null, error: null, streamProblem: null });
    },
    get transport() {
      return transport;
    },
  };
}
