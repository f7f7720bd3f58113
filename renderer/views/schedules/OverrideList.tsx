import type { Override } from '../../../shared/schedule/index.js';
import { parseInstant } from '../../../shared/schedule/index.js';
import { formatRange } from './zonedTime.js';

/**
 * The schedule's overrides that end after `since`, soonest first, each with "Change" (into the
 * form: another way to move or resize one, by typing its times) and "Delete".
 */
export function OverrideList(props: {
  overrides: readonly Override[];
  since: number;
  timeZone: string;
  userName: (userId: string) => string;
  onDelete: ((overrideId: string) => void) | null;
  onChange: ((override: Override) => void) | null;
  busy: boolean;
}) {
  const items = props.overrides
    .map((o) => ({ o, start: parseInstant(o.start), end: parseInstant(o.end) }))
    .filter((item) => item.end > props.since)
    .sort((a, b) => a.start - b.start);
  return (
    <section className="override-list" aria-label="Overrides">
      <h2>Overrides</h2>
      {items.length === 0 ? (
        <p className="override-list__empty">No current or upcoming overrides.</p>
      ) : (
        <ul>
          {items.map(({ o, start, end }) => (
            <li key={o.id} data-override-id={o.id}>
              <span>
                {props.userName(o.userId)} · {formatRange(start, end, props.timeZone)}
              </span>
              {props.onChange && (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={props.busy}
                  onClick={() => props.onChange?.(o)}
                  aria-label={`Change the override of ${props.userName(o.userId)}, ${formatRange(start, end, props.timeZone)}`}
                >
                  Change
                </button>
              )}
              {props.onDelete && (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={props.busy}
                  onClick={() => props.onDelete?.(o.id)}
                  aria-label={`Delete the override of ${props.userName(o.userId)}, ${formatRange(start, end, props.timeZone)}`}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
