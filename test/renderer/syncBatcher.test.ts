import { describe, expect, it } from 'vitest';
import { bindTransport } from '../../renderer/state/bindTransport.js';
import type { FrameScheduler } from '../../renderer/state/frameScheduler.js';
import { SyncBatcher } from '../../renderer/state/syncBatcher.js';
import type { SyncDataEvent, SyncEvent, Transport } from '../../renderer/transport/transport.js';
import { alert, alertChange, changesEvent, now, snapshotEvent, testStore } from './fixtures.js';

/** Frames that come when the test says. */
function manualFrames() {
  const due: Array<() => void> = [];
  const frames: FrameScheduler = {
    schedule(callback) {
      due.push(callback);
      return () => due.splice(due.indexOf(callback) >>> 0, 1);
    },
  };
  return { frames, frame: () => due.splice(0).forEach((callback) => callback()), pending: due };
}

describe('batching stream events per frame', () => {
  it('applies everything that came within a frame at once', () => {
    const { frames, frame, pending } = manualFrames();
    const batches: SyncDataEvent[][] = [];
    const batcher = new SyncBatcher(frames, (events) => batches.push([...events]));
    batcher.push(changesEvent(2, []));
    batcher.push(changesEvent(3, []));
    batcher.push(changesEvent(4, []));
    expect(pending.length).toBe(1);
    expect(batches).toEqual([]);
    frame();
    expect(batches.map((b) => b.length)).toEqual([3]);
    frame();
    expect(batches.length).toBe(1);
  });

  it('drops what was queued before a snapshot', () => {
    const { frames, frame } = manualFrames();
    const batches: SyncDataEvent[][] = [];
    const batcher = new SyncBatcher(frames, (events) => batches.push([...events]));
    batcher.push(changesEvent(2, []));
    batcher.push(snapshotEvent(9, []));
    batcher.push(changesEvent(10, []));
    frame();
    expect(batches[0]!.map((e) => e.type)).toEqual(['snapshot', 'changes']);
  });
});

describe('binding a transport to the store', () => {
  function fakeTransport() {
    let listener: ((event: SyncEvent) => void) | null = null;
    let subscribed = 0;
    const transport = {
      subscribe(l: (event: SyncEvent) => void) {
        listener = l;
        subscribed += 1;
        return () => {
          listener = null;
        };
      },
    } as unknown as Transport;
    return {
      transport,
      emit: (event: SyncEvent) => listener?.(event),
      get subscribed() {
        return subscribed;
      },
      get listening() {
        return listener !== null;
      },
    };
  }

  it('applies data per frame and a status at once, with the data queued before it', () => {
    const store = testStore();
    const { frames, frame } = manualFrames();
    const fake = fakeTransport();
    const unbind = bindTransport(store, fake.transport, { frames });
    fake.emit({ type: 'status', status: { status: 'syncing', since: now, lastLiveAt: null } });
    expect(store.getState().connection.state).toBe('connecting');
    fake.emit(snapshotEvent(5, [alert('1')]));
    expect(store.getState().alerts.byId.size).toBe(0); // waits for the frame…
    fake.emit({ type: 'status', status: { status: 'live', since: now, lastLiveAt: now } });
    // …unless a status comes: "live" and the data it describes arrive together.
    expect(store.getState().alerts.byId.size).toBe(1);
    expect(store.getState().connection.state).toBe('live');
    fake.emit(changesEvent(6, [alertChange(alert('2'))]));
    fake.emit(changesEvent(7, [alertChange(alert('3'))]));
    frame();
    expect(store.getState().alerts.byId.size).toBe(3);
    unbind();
    expect(fake.listening).toBe(false);
  });
});
