import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flattenJson, initiallyExpanded, jsonTreeKey } from './jsonTree.js';
import './jsonTree.css';

/**
 * Custom details as a collapsible tree (WAI-ARIA tree view): one tab stop, arrows to move,
 * → / ← to open and close, Enter or Space to toggle; a click toggles too.
 */
export function JsonTree(props: { value: unknown; label: string }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() =>
    initiallyExpanded(props.value),
  );
  const [focused, setFocused] = useState<string | null>(null);
  const rows = useMemo(() => flattenJson(props.value, expanded), [props.value, expanded]);
  const items = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);
  const current = rows.some((r) => r.path === focused) ? focused : (rows[0]?.path ?? null);

  useEffect(() => {
    if (!moved.current || current === null) return;
    moved.current = false;
    items.current.get(current)?.focus();
  }, [current, rows]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const next = jsonTreeKey(rows, { focused: current, expanded }, event.key);
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    setExpanded(next.expanded);
    setFocused(next.focused);
  };
  const toggle = (path: string) => {
    const next = new Set(expanded);
    if (!next.delete(path)) next.add(path);
    setExpanded(next);
    setFocused(path);
  };

  return (
    <ul className="json-tree" role="tree" aria-label={props.label} onKeyDown={onKeyDown}>
      {rows.map((row) => (
        <li
          key={row.path}
          ref={(element) => {
            if (element) items.current.set(row.path, element);
            else items.current.delete(row.path);
          }}
          role="treeitem"
          aria-level={row.level}
          aria-expanded={row.expandable ? row.expanded : undefined}
          aria-selected={row.path === current}
          tabIndex={row.path === current ? 0 : -1}
          className="json-tree__row"
          // CSSOM, not a style attribute: allowed by the CSP.
          style={{ paddingLeft: `${(row.level - 1) * 1.25}em` }}
          onClick={() => (row.expandable ? toggle(row.path) : setFocused(row.path))}
        >
          <span className="json-tree__twisty" aria-hidden="true">
            {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
          </span>
          {row.label !== null && <span className="json-tree__key">{row.label}: </span>}
          <span className={`json-tree__value json-tree__value--${row.kind}`}>
            {row.expandable && row.expanded ? (row.kind === 'array' ? '[' : '{') : row.preview}
          </span>
        </li>
      ))}
    </ul>
  );
}
