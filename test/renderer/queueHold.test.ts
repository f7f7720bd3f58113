import { describe, expect, it } from 'vitest';
import { holdQueue, waitingLabel } from '../../renderer/views/queue/queueHold.js';

const exists = (ids: string[]) => (id: string) => ids.includes(id);

describe('holding the queue while the operator reads', () => {
  it('keeps the held order and counts what waits', () => {
    const held = holdQueue(['a', 'b', 'c'], ['new', 'c', 'a', 'b'], exists(['a', 'b', 'c', 'new']));
    expect(held).toEqual({ rows: ['a', 'b', 'c'], added: 1, left: 0, stale: true });
    expect(waitingLabel(held)).toBe('1 new — show');
  });

  it('keeps rows that left the view in place, and drops alerts that are gone entirely', () => {
    const held = holdQueue(['a', 'b', 'c'], ['a'], exists(['a', 'b']));
    expect(held.rows).toEqual(['a', 'b']);
    expect(held.left).toBe(1);
    expect(waitingLabel(held)).toBe('1 left this view — update');
  });

  it('notices a new order alone, and nothing when nothing changed', () => {
    const reordered = holdQueue(['a', 'b'], ['b', 'a'], exists(['a', 'b']));
    expect(waitingLabel(reordered)).toBe('Order changed — update');
    const same = holdQueue(['a', 'b'], ['a', 'b'], exists(['a', 'b']));
    expect(same.stale).toBe(false);
    expect(waitingLabel(same)).toBeNull();
  });
});
