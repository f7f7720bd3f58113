import { useAppStore } from '../../app/services.js';
import { selectAlertCounts } from '../../state/selectors/alertSelectors.js';

/** Counts per state and priority over everything the console holds. */
export function QueueSummary() {
  const counts = useAppStore(selectAlertCounts);
  const items: ReadonlyArray<[string, string, number]> = [
    ['pending', 'Pending', counts.byState.PENDING],
    ['accepted', 'Accepted', counts.byState.ACCEPTED],
    ['resolved', 'Resolved (recent)', counts.byState.RESOLVED],
    ['high', 'Open HIGH', counts.openByPriority.HIGH],
    ['low', 'Open LOW', counts.openByPriority.LOW],
  ];
  return (
    <dl className="queue-summary" aria-label="Alert counts">
      {items.map(([key, label, value]) => (
        <div key={key} className={`queue-summary__item queue-summary__item--${key}`}>
          <dt>{label}</dt>
          <dd data-testid={`count-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
