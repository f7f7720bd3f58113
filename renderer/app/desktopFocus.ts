import type { AppStore } from '../state/createAppStore.js';
import type { DesktopSession } from './desktopSession.js';

/** What a clicked notification (or the tray) asks the console to show. */
export interface FocusTarget {
  readonly engineId: string;
  readonly alertId: string;
}

/**
 * Shows the alert of a clicked notification: on its engine (switching to it when another is
 * shown; the operator's remembered choice stays as it was) and on the alert's own page, with the
 * queue's focus on it for when the operator goes back. An engine removed meanwhile is said so.
 */
export function focusDesktopAlert(
  store: AppStore,
  session: DesktopSession,
  target: FocusTarget,
): void {
  const state = store.getState();
  const engine = state.desktop?.engines.find((e) => e.id === target.engineId);
  if (!engine) {
    state.notify({
      tone: 'error',
      text: 'That notification’s engine is no longer set up in this app, so its alert cannot be shown.',
      code: 'unknown_engine',
    });
    return;
  }
  if (session.engineId !== engine.id) session.show(engine);
  const after = store.getState();
  after.focusAlert(target.alertId);
  after.navigate({ name: 'alert', id: target.alertId });
}
