import type { AlertState } from '../../shared/domain/alert.js';

const labels: Record<AlertState, { icon: string; text: string }> = {
  PENDING: { icon: '●', text: 'Pending' },
  ACCEPTED: { icon: '◆', text: 'Accepted' },
  RESOLVED: { icon: '✓', text: 'Resolved' },
};

/** An alert's state, by icon, colour and word. `pending` names an action under way. */
export function StateBadge(props: { state: AlertState; pending?: string | undefined }) {
  const label = labels[props.state];
  return (
    <span className={`state state--${props.state.toLowerCase()}`}>
      <span className="state__icon" aria-hidden="true">
        {label.icon}
      </span>
      {props.pending ? `${props.pending}…` : label.text}
    </span>
  );
}
