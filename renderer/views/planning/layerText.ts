import type { LayerDraft } from '../../../shared/api/schedules.js';
import type { Restriction } from '../../../shared/schedule/scheduleModel.js';
import { formatShiftTime } from '../schedules/zonedTime.js';

/**
 * A schedule layer's parts in words, for the conflict's side-by-side comparison: each part is
 * compared as text, so two layers that read the same are the same to the operator.
 */

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const at = (iso: string, timeZone: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatShiftTime(ms, timeZone);
};

/** "daily 09:00–17:00", "Mon 09:00 – Fri 17:00". */
export function restrictionText(restriction: Restriction): string {
  if (restriction.kind === 'daily') return `daily ${restriction.start}–${restriction.end}`;
  const day = (n: number) => weekdays[n - 1] ?? `day ${n}`;
  return `${day(restriction.startDay)} ${restriction.start} – ${day(restriction.endDay)} ${restriction.end}`;
}

/** Each part of a layer that the comparison shows, in the order it shows them. */
export function layerParts(
  layer: LayerDraft,
  timeZone: string,
  userName: (userId: string) => string,
): ReadonlyArray<readonly [part: string, text: string]> {
  const { unit, length } = layer.rotation.turn;
  const unitText = length === 1 ? unit.replace(/s$/, '') : unit;
  return [
    ['name', layer.name],
    ['users', layer.userIds.map(userName).join(', ')],
    ['rotation', `turns of ${length} ${unitText} from ${at(layer.rotation.anchor, timeZone)}`],
    [
      'active',
      `from ${at(layer.start, timeZone)}${layer.end === null ? ', no end' : ` until ${at(layer.end, timeZone)}`}`,
    ],
    [
      'restrictions',
      layer.restrictions.length === 0
        ? 'none (around the clock)'
        : layer.restrictions.map(restrictionText).join('; '),
    ],
  ];
}
