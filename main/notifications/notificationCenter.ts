import type { NotificationPreferences } from '../../shared/ipc/desktopSettings.js';
import type { PauseView } from '../../shared/ipc/ipcViews.js';
import { DedupWindow } from './dedupWindow.js';
import {
  decideNotification,
  type NotificationCandidate,
  type NotificationDecision,
} from './notificationDecision.js';
import type { OsNotifier } from './osNotifier.js';
import { isPaused, notPaused, pauseFor, pauseView, type PauseState } from './pauseState.js';

export interface NotificationCenterDeps {
  readonly notifier: OsNotifier;
  readonly prefs: () => NotificationPreferences;
  /** Several engines are connected: name the engine in each notification. */
  readonly labelEngines: () => boolean;
  readonly now?: () => number;
  readonly onPauseChanged?: (view: PauseView) => void;
}

/** Decision + de-duplication + pause, in front of the OS notifier. */
export class NotificationCenter {
  private readonly recent = new DedupWindow();
  private pause: PauseState = notPaused;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: NotificationCenterDeps) {
    this.now = deps.now ?? Date.now;
  }

  consider(candidate: NotificationCandidate): NotificationDecision {
    const now = this.now();
    const decision = decideNotification(candidate, {
      prefs: this.deps.prefs(),
      paused: isPaused(this.pause, now),
      now,
      recent: this.recent,
      labelEngines: this.deps.labelEngines(),
    });
    if (decision.notify) void this.deps.notifier.show(decision.notification);
    return decision;
  }

  /** The pause in effect (an expired pause reads as active). */
  get pauseState(): PauseState {
    return isPaused(this.pause, this.now()) ? this.pause : notPaused;
  }

  get pauseView(): PauseView {
    return pauseView(this.pause, this.now());
  }

  /** Also closes what is still on screen waiting for a click: do not disturb means that too. */
  pauseFor(minutes: 30 | 60 | null): PauseView {
    this.setPause(pauseFor(minutes, this.now()));
    this.deps.notifier.closeAll();
    return this.pauseView;
  }

  resume(): PauseView {
    this.setPause(notPaused);
    return this.pauseView;
  }

  /** At quit: nothing a click could focus is left on screen, and no notify-send behind us. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.deps.notifier.closeAll();
  }

  private setPause(state: PauseState): void {
    this.pause = state;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Tell the tray and windows when a timed pause runs out.
    if (state.kind === 'until') {
      this.timer = setTimeout(
        () => this.setPause(notPaused),
        Math.max(0, state.until - this.now()),
      );
      this.timer.unref?.();
    }
    this.deps.onPauseChanged?.(this.pauseView);
  }
}
