import { useEffect, useRef } from 'react';
import { useActions, useAppStore } from '../../app/services.js';

/** Free-text filter; `/` focuses it, Escape leaves it. */
export function SearchBox() {
  const text = useAppStore((s) => s.filters.queue.text);
  const focusRequest = useAppStore((s) => s.ui.searchFocusRequest);
  const { setFilterText } = useActions();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);
  return (
    <input
      ref={ref}
      className="search"
      type="search"
      placeholder="Search  ( / )"
      aria-label="Search alerts"
      value={text}
      maxLength={200}
      onChange={(e) => setFilterText(e.target.value)}
      data-testid="queue-search"
    />
  );
}
