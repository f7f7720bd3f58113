import type { AlertPriority, AlertSeverity } from '../../shared/domain/alert.js';

/**
 * Priority by shape, colour and word, so that colour-blind operators read it as fast as anyone:
 * HIGH a filled triangle, LOW an open circle.
 */
export function PriorityBadge(props: { priority: AlertPriority; severity?: AlertSeverity | null }) {
  const high = props.priority === 'HIGH';
  return (
    <span
      className={`priority priority--${high ? 'high' : 'low'}`}
      title={props.severity ? `${props.priority} · severity ${props.severity}` : props.priority}
    >
      <span className="priority__shape" aria-hidden="true">
        {high ? '▲' : '○'}
      </span>
      {props.priority}
    </span>
  );
}
