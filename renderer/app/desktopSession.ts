import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import type { EngineView } from '../../shared/ipc/ipcViews.js';
import type { NotificationMessage } from '../../shared/protocol/messages.js';
import { bindTransport } from '../state/bindTransport.js';
import type { AppStore } from '../state/createAppStore.js';
import type { FrameScheduler } from '../state/frameScheduler.js';
import {
  createBridgeTransport,
  type BridgeTransportOptions,
} from '../transport/bridgeTransport.js';
import type { Transport } from '../transport/transport.js';
import { forgetEngineData } from './forgetEngineData.js';
import type { SessionController } from './sessionController.js';

export interface DesktopSessionDeps {
  readonly store: AppStore;
  readonly api: NocturneApi;
  readonly frames: FrameScheduler;
  /** Default: the preload bridge's transport; tests pass a fake. */
  readonly createTransport?: (options: BridgeTransportOptions) => Transport;
  readonly onNotification?: (notification: NotificationMessage) => void;
}

/**
 * The desktop app's session: main holds every engine's token, so there is nothing to sign in
 * to; the console shows one of main's engines at a time and can be switched to another.
 */
export interface DesktopSession extends SessionController {
  /** The engine shown (EngineView.id); null when none is. */
  readonly engineId: string | null;
  /**
   * Shows this engine: stops the old transport, forgets the old engine's replica and binds a
   * new bridge transport. The same engine again only refreshes its address. Null: none.
   */
  show(engine: EngineView | null): void;
}

const noEngine = {
  code: 'no_engine',
  message:
    'No engine to show: the embedded engine is off or failed to start, and no remote engine is set up. Add a remote engine below, or turn the embedded engine on.',
};

export function createDesktopSession(deps: DesktopSessionDeps): DesktopSession {
  const { store, api } = deps;
  const createTransport = deps.createTransport ?? createBridgeTransport;
  let transport: Transport | null = null;
  let unbind: (() => void) | null = null;
  let engineId: string | null = null;

  const stop = () => {
    unbind?.();
    transport?.close();
    unbind = null;
    transport = null;
  };

  /** Who main's token for this engine belongs to; asked again when the stream goes live. */
  const learnUser = async (mine: Transport) => {
    const me = await mine.whoAmI();
    if (transport === mine && me.ok) store.getState().setSession({ user: me.value });
  };
  store.subscribe((state, previous) => {
    const live = state.connection.state === 'live' && previous.connection.state !== 'live';
    if (live && transport && !state.session.user) void learnUser(transport);
  });

  /** Routes naming one engine's ids mean nothing on another: go up to their list. */
  const leaveEngineRoutes = () => {
    const { ui, navigate } = store.getState();
    if (ui.route.name === 'alert') navigate({ name: 'alerts' }, 'replace');
    if (ui.route.name === 'schedule') navigate({ name: 'schedules' }, 'replace');
  };

  const show = (engine: EngineView | null) => {
    const state = store.getState();
    if (engine && engine.id === engineId && transport) {
      if (state.session.engineUrl !== engine.url) state.setSession({ engineUrl: engine.url });
      return;
    }
    const switching = engineId !== null;
    stop();
    forgetEngineData(store);
    if (switching) leaveEngineRoutes();
    engineId = engine?.id ?? null;
    state.setDesktop({ engineId });
    if (!engine) {
      state.setSession({ phase: 'signedOut', user: null, error: noEngine, streamProblem: null });
      return;
    }
    state.setSyncStatus({ status: 'connecting', since: Date.now(), lastLiveAt: null });
    state.setSession({
      phase: 'signedIn',
      engineUrl: engine.url,
      user: null,
      error: null,
      streamProblem: null,
    });
    const mine = createTransport({ api, engineId: engine.id, engineUrl: engine.url });
    transport = mine;
    unbind = bindTransport(store, mine, {
      frames: deps.frames,
      ...(deps.onNotification ? { onNotification: deps.onNotification } : {}),
    });
    void learnUser(mine);
  };

  return {
    show,
    get engineId() {
      return engineId;
    },
    get transport() {
      return transport;
    },
    // The desktop app has no sign-in form: its engines are added in the settings view.
    signIn: async () => false,
    resume: async () => undefined,
    /** Not offered in the desktop (the Shell hides it): stops showing the engine. */
    signOut() {
      show(null);
      store.getState().setSession({ error: null });
    },
  };
}
