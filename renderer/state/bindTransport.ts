import type { NotificationMessage } from '../../shared/protocol/messages.js';
import { markPhase } from '../startupPhases.js';
import type { Transport } from '../transport/transport.js';
import type { AppStore } from './createAppStore.js';
import type { FrameScheduler } from './frameScheduler.js';
import { SyncBatcher } from './syncBatcher.js';

export interface BindOptions {
  readonly frames: FrameScheduler;
  /** Notifications for the signed-in user (the wall's sound, the desktop's tray: #4, #5). */
  readonly onNotification?: (notification: NotificationMessage) => void;
}

/**
 * Feeds a transport's stream into the store: data in batches (once per frame), the connection
 * status at once, data queued before it first (so "live" and the data it describes arrive in
 * the same render). Returns the unbinding, which stops the stream.
 */
export function bindTransport(store: AppStore, transport: Transport, options: BindOptions) {
  const batcher = new SyncBatcher(options.frames, (events) =>
    store.getState().applySyncEvents(events),
  );
  const unsubscribe = transport.subscribe((event) => {
    switch (event.type) {
      case 'snapshot':
        markPhase('snapshotRead');
        batcher.push(event);
        return;
      case 'changes':
        batcher.push(event);
        return;
      case 'status':
        batcher.flush();
        store.getState().setSyncStatus(event.status);
        return;
      case 'notification':
        options.onNotification?.(event.notification);
        return;
    }
  });
  return () => {
    unsubscribe();
    batcher.dispose();
  };
}
