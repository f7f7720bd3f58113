import { describe, expect, it } from 'vitest';
import { queueKey, type QueueKeyState } from '../../renderer/views/queue/queueKeys.js';

const state = (focusedId: string | null, selected: string[] = []): QueueKeyState => ({
  rows: ['a', 'b', 'c'],
  focusedId,
  selectedIds: new Set(selected),
});
const press = (s: QueueKeyState, key: string, more = {}) => queueKey(s, { key, ...more });

describe('the queue’s keyboard', () => {
  it('moves the focus with j/k and arrows, clamped to the rows', () => {
    expect(press(state(null), 'j')?.focusedId).toBe('a');
    expect(press(state(null), 'k')?.focusedId).toBe('a');
    expect(press(state('a'), 'j')?.focusedId).toBe('b');
    expect(press(state('c'), 'ArrowDown')?.focusedId).toBe('c');
    expect(press(state('b'), 'ArrowUp')?.focusedId).toBe('a');
    expect(press(state('a'), 'k')?.focusedId).toBe('a');
    expect(press(state('b'), 'G')?.focusedId).toBe('c');
    expect(press(state('b'), 'g')?.focusedId).toBe('a');
    // A focused alert that left the rows: start again from the top.
    expect(press(state('gone'), 'j')?.focusedId).toBe('a');
    expect(press({ ...state(null), rows: [] }, 'j')?.focusedId).toBeNull();
  });

  it('opens the focused alert with Enter', () => {
    expect(press(state('b'), 'Enter')?.command).toEqual({ type: 'open', id: 'b' });
    expect(press(state(null), 'Enter')).toBeNull();
  });

  it('accepts and resolves the selection in row order, else the focused alert', () => {
    expect(press(state('b'), 'a')?.command).toEqual({ type: 'act', kind: 'accept', ids: ['b'] });
    expect(press(state('a', ['c', 'b']), 'r')?.command).toEqual({
      type: 'act',
      kind: 'resolve',
      ids: ['b', 'c'],
    });
    expect(press(state(null), 'a')).toBeNull();
  });

  it('toggles the selection with x and clears it (and the hold) with Escape', () => {
    const selected = press(state('b'), 'x')!;
    expect([...selected.selectedIds]).toEqual(['b']);
    expect([
      ...press({ ...state('b'), selectedIds: selected.selectedIds }, 'x')!.selectedIds,
    ]).toEqual([]);
    const escaped = press(state('a', ['a', 'b']), 'Escape')!;
    expect(escaped.selectedIds.size).toBe(0);
    expect(escaped.command).toEqual({ type: 'release' });
  });

  it('focuses the search with /, and leaves keys with modifiers to the page', () => {
    expect(press(state(null), '/')?.command).toEqual({ type: 'focusSearch' });
    expect(press(state('a'), 'r', { ctrlKey: true })).toBeNull();
    expect(press(state('a'), 'a', { metaKey: true })).toBeNull();
    expect(press(state('a'), 'q')).toBeNull();
  });
});
