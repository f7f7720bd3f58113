import { describe, expect, it } from 'vitest';
import { prefetchViews, type IdleHost } from '../../renderer/app/lazyViews.js';

describe('prefetchViews', () => {
  it('loads the view chunks one per idle moment, not in one long task', async () => {
    const waiting: Array<() => void> = [];
    const host: IdleHost = {
      requestIdleCallback: (callback) => waiting.push(callback),
      setTimeout: () => {
        throw new Error('a page with idle callbacks uses them');
      },
    };
    let finished = false;
    const done = prefetchViews(host).then(() => {
      finished = true;
    });
    let idleMoments = 0;
    // Each idle moment loads one chunk; the next is asked for only once that one has loaded.
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (finished) break;
      if (waiting.length === 0) continue; // a chunk is still loading
      expect(waiting).toHaveLength(1);
      waiting.shift()!();
      idleMoments += 1;
    }
    await done;
    expect(idleMoments).toBe(8); // every view but the queue, which is in the first chunk
    // Once is enough: a second call loads nothing.
    await prefetchViews(host);
    expect(waiting).toHaveLength(0);
  }, 60_000);
});
