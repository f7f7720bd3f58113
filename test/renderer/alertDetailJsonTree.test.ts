import { describe, expect, it } from 'vitest';
import {
  flattenJson,
  initiallyExpanded,
  jsonTreeKey,
} from '../../renderer/views/alertDetail/jsonTree.js';

const details = {
  disk: { used: 97, mounts: ['/var', '/'] },
  'p99 ms': 2430,
  ok: false,
  note: null,
};

describe('the custom details tree', () => {
  it('opens the top level and flattens what is visible, in order', () => {
    const open = initiallyExpanded(details);
    expect([...open]).toEqual(['$.disk']);
    const rows = flattenJson(details, open);
    expect(
      rows.map((r) => `${r.level} ${r.label}: ${r.preview}${r.expanded ? ' open' : ''}`),
    ).toEqual([
      '1 disk: {2 keys} open',
      '2 used: 97',
      '2 mounts: [2 items]',
      '1 p99 ms: 2430',
      '1 ok: false',
      '1 note: null',
    ]);
    expect(rows[2]!.path).toBe('$.disk.mounts');
    expect(rows[3]!.path).toBe('$["p99 ms"]');
    expect(rows[2]!.parent).toBe('$.disk');
  });

  it('shows a scalar or an empty container as one row', () => {
    expect(flattenJson('just text', new Set()).map((r) => r.preview)).toEqual(['"just text"']);
    expect(flattenJson([], new Set()).map((r) => r.preview)).toEqual(['[0 items]']);
  });

  it('moves and toggles with the keys of a tree view', () => {
    let state = {
      focused: null as string | null,
      expanded: initiallyExpanded(details) as ReadonlySet<string>,
    };
    const press = (key: string) => {
      const next = jsonTreeKey(flattenJson(details, state.expanded), state, key);
      if (next) state = next;
      return next;
    };
    press('ArrowDown'); // from the first row (disk) to used
    expect(state.focused).toBe('$.disk.used');
    press('ArrowDown');
    press('ArrowRight'); // opens mounts
    expect(state.expanded.has('$.disk.mounts')).toBe(true);
    press('ArrowRight'); // into its first item
    expect(state.focused).toBe('$.disk.mounts[0]');
    press('ArrowLeft'); // a leaf: to its parent
    expect(state.focused).toBe('$.disk.mounts');
    press('ArrowLeft'); // closes it
    expect(state.expanded.has('$.disk.mounts')).toBe(false);
    press('End');
    expect(state.focused).toBe('$.note');
    expect(press('Enter')).toBeNull(); // a leaf does not toggle
    press('Home');
    press(' ');
    expect(state.expanded.has('$.disk')).toBe(false);
    expect(press('x')).toBeNull();
  });
});
