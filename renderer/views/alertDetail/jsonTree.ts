/**
 * An alert's `customDetails` (any JSON a sender chose) as a collapsible tree, flattened into
 * the rows currently visible, plus the tree's keyboard (WAI-ARIA tree pattern). Pure, so it is
 * unit-tested without a DOM; ./JsonTree.tsx draws it.
 */

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonRow {
  /** `$`, `$.disk`, `$.disk[0]`: unique, stable across renders. */
  readonly path: string;
  readonly parent: string | null;
  /** 1 for the root's children (aria-level). */
  readonly level: number;
  /** The property name or `[index]`; null for the root. */
  readonly label: string | null;
  readonly kind: JsonKind;
  /** A leaf's value as text (strings quoted), or `{3 keys}` / `[2 items]`. */
  readonly preview: string;
  readonly expandable: boolean;
  readonly expanded: boolean;
}

export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'null';
}

function children(value: unknown): Array<[string, string, unknown]> {
  if (Array.isArray(value)) return value.map((v, i) => [`[${i}]`, `[${i}]`, v]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => [
      /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`,
      k,
      v,
    ]);
  }
  return [];
}

function preview(value: unknown, kind: JsonKind): string {
  switch (kind) {
    case 'object': {
      const n = Object.keys(value as object).length;
      return `{${n} ${n === 1 ? 'key' : 'keys'}}`;
    }
    case 'array': {
      const n = (value as unknown[]).length;
      return `[${n} ${n === 1 ? 'item' : 'items'}]`;
    }
    case 'string':
      return JSON.stringify(value);
    default:
      return String(value ?? 'null');
  }
}

/** The visible rows: the root's children, and the children of every expanded path, in order. */
export function flattenJson(value: unknown, expanded: ReadonlySet<string>): JsonRow[] {
  const rows: JsonRow[] = [];
  const walk = (node: unknown, path: string, level: number) => {
    for (const [suffix, label, child] of children(node)) {
      const childPath = path + suffix;
      const kind = jsonKind(child);
      const expandable = children(child).length > 0;
      const open = expandable && expanded.has(childPath);
      rows.push({
        path: childPath,
        parent: level === 1 ? null : path,
        level,
        label,
        kind,
        preview: preview(child, kind),
        expandable,
        expanded: open,
      });
      if (open) walk(child, childPath, level + 1);
    }
  };
  if (children(value).length === 0) {
    const kind = jsonKind(value);
    return [
      {
        path: '$',
        parent: null,
        level: 1,
        label: null,
        kind,
        preview: preview(value, kind),
        expandable: false,
        expanded: false,
      },
    ];
  }
  walk(value, '$', 1);
  return rows;
}

/** Paths open at first: containers down to `depth` levels (1: the top level's children). */
export function initiallyExpanded(value: unknown, depth = 1): Set<string> {
  const open = new Set<string>();
  const walk = (node: unknown, path: string, level: number) => {
    if (level > depth) return;
    for (const [suffix, , child] of children(node)) {
      if (children(child).length === 0) continue;
      open.add(path + suffix);
      walk(child, path + suffix, level + 1);
    }
  };
  walk(value, '$', 1);
  return open;
}

export interface JsonTreeFocus {
  readonly focused: string | null;
  readonly expanded: ReadonlySet<string>;
}

/**
 * The tree's keys (WAI-ARIA tree view): ↑/↓ move, → opens (or moves to the first child), ←
 * closes (or moves to the parent), Home/End, Enter and Space toggle. Null: not a tree key.
 */
export function jsonTreeKey(
  rows: readonly JsonRow[],
  state: JsonTreeFocus,
  key: string,
): JsonTreeFocus | null {
  if (rows.length === 0) return null;
  const at = Math.max(
    0,
    rows.findIndex((r) => r.path === state.focused),
  );
  const row = rows[at]!;
  const move = (i: number) => ({
    focused: rows[Math.max(0, Math.min(rows.length - 1, i))]!.path,
    expanded: state.expanded,
  });
  const toggle = (open: boolean) => {
    const expanded = new Set(state.expanded);
    if (open) expanded.add(row.path);
    else expanded.delete(row.path);
    return { focused: row.path, expanded };
  };
  switch (key) {
    case 'ArrowDown':
      return move(at + 1);
    case 'ArrowUp':
      return move(at - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(rows.length - 1);
    case 'ArrowRight':
      if (!row.expandable) return { ...state, focused: row.path };
      return row.expanded ? move(at + 1) : toggle(true);
    case 'ArrowLeft':
      if (row.expanded) return toggle(false);
      return row.parent === null
        ? { ...state, focused: row.path }
        : move(rows.findIndex((r) => r.path === row.parent));
    case 'Enter':
    case ' ':
      return row.expandable ? toggle(!row.expanded) : null;
    default:
      return null;
  }
}
