import { newRestriction, weekdayNames, type RestrictionFields } from './restrictionFields.js';

/**
 * A layer's restrictions: the windows in which it is on call (none: around the clock), each
 * every day or every week, in the schedule's zone.
 */
export function RestrictionsField(props: {
  restrictions: readonly RestrictionFields[];
  zone: string;
  onChange: (restrictions: RestrictionFields[]) => void;
}) {
  const { restrictions } = props;
  const edit = (index: number, change: Partial<RestrictionFields>) =>
    props.onChange(restrictions.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <fieldset className="planning__restrictions">
      <legend>Restrictions ({props.zone})</legend>
      {restrictions.length === 0 && (
        <p className="planning__muted">None: the layer is on call around the clock.</p>
      )}
      {restrictions.map((r, index) => {
        const n = index + 1;
        const day = (which: 'startDay' | 'endDay', label: string) => (
          <select
            aria-label={`Restriction ${n}: ${label}`}
            value={r[which]}
            onChange={(e) => edit(index, { [which]: Number(e.target.value) })}
          >
            {weekdayNames.map((name, i) => (
              <option key={name} value={i + 1}>
                {name}
              </option>
            ))}
          </select>
        );
        const time = (which: 'start' | 'end', label: string) => (
          <input
            type="time"
            aria-label={`Restriction ${n}: ${label}`}
            value={r[which]}
            onChange={(e) => edit(index, { [which]: e.target.value })}
          />
        );
        return (
          <div key={index} className="planning__restriction" data-testid="planning-restriction">
            <select
              aria-label={`Restriction ${n}: repeats`}
              value={r.kind}
              onChange={(e) =>
                edit(index, { kind: e.target.value === 'weekly' ? 'weekly' : 'daily' })
              }
            >
              <option value="daily">Every day</option>
              <option value="weekly">Every week</option>
            </select>
            {r.kind === 'weekly' && day('startDay', 'opens on')}
            <span>from</span>
            {time('start', 'opens at')}
            <span>until</span>
            {r.kind === 'weekly' && day('endDay', 'closes on')}
            {time('end', 'closes at')}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => props.onChange(restrictions.filter((_, i) => i !== index))}
            >
              Remove restriction {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => props.onChange([...restrictions, newRestriction])}
      >
        Add a restriction
      </button>
    </fieldset>
  );
}
