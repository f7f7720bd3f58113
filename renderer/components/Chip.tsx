import type { ReactNode } from 'react';

/** A filter value that is on or off (aria-pressed), or removable with its ×. */
export function Chip(props: {
  active: boolean;
  onToggle: () => void;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={`chip${props.active ? ' is-active' : ''}`}
      aria-pressed={props.active}
      onClick={props.onToggle}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}
