import {
  UpdateScheduleRequest,
  type LayerDraft,
  type StoredSchedule,
} from '../../../shared/api/schedules.js';
import { isKnownTimeZone } from '../../../shared/schedule/scheduleModel.js';
import { layerParts } from './layerText.js';

/** One line of the comparison: a part of the schedule that the two sides have differently. */
export interface DiffRow {
  readonly label: string;
  /** The draft's side; "—" where the draft has no such part. */
  readonly mine: string;
  /** The engine's side; "—" where the engine's schedule has no such part. */
  readonly theirs: string;
}

export type ScheduleDiff =
  | { readonly ok: true; readonly rows: readonly DiffRow[] }
  | { readonly ok: false; readonly problem: string };

const none = '—';
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const zoneFor = (name: string) => (isKnownTimeZone(name) ? name : 'UTC');

/**
 * What a schedule-edit draft (`mine`, the PUT body main keeps) changes compared with the
 * engine's schedule now (`theirs`): name, time zone, the number of layers, and per layer —
 * matched by id, else by position — its name, users in rotation order, rotation, active range
 * and restrictions, each as words in its side's time zone. Only parts that read differently are
 * listed. Overrides are compared by count only when the draft carries them (a PUT without
 * overrides keeps the engine's).
 */
export function diffScheduleEdit(
  mine: unknown,
  theirs: StoredSchedule,
  userName: (userId: string) => string,
): ScheduleDiff {
  const parsed = UpdateScheduleRequest.safeParse(mine);
  if (!parsed.success)
    return { ok: false, problem: 'Your draft cannot be read as a schedule; compare the raw data.' };
  const draft = parsed.data;
  const rows: DiffRow[] = [];
  const add = (label: string, a: string, b: string) => {
    if (a !== b) rows.push({ label, mine: a, theirs: b });
  };
  add('Name', draft.name, theirs.name);
  add('Time zone', draft.timeZone, theirs.timeZone);
  add('Layers', plural(draft.layers.length, 'layer'), plural(theirs.layers.length, 'layer'));
  for (const [index, [a, b]] of pairLayers(draft.layers, theirs.layers).entries()) {
    const title = `Layer "${(a ?? b)?.name ?? index + 1}"`;
    const partsA = a ? new Map(layerParts(a, zoneFor(draft.timeZone), userName)) : null;
    const partsB = b ? new Map(layerParts(b, zoneFor(theirs.timeZone), userName)) : null;
    if (!partsA || !partsB) {
      add(title, partsA ? 'only in your draft' : none, partsB ? 'only on the engine' : none);
      continue;
    }
    for (const [part, text] of partsA) add(`${title}: ${part}`, text, partsB.get(part) ?? none);
  }
  if (draft.overrides)
    add(
      'Overrides',
      plural(draft.overrides.length, 'override'),
      plural(theirs.overrides.length, 'override'),
    );
  return { ok: true, rows };
}

/**
 * Layers of both sides paired by id; a draft's layer without an id (new in the draft) takes the
 * engine's layer at its position when that one is not paired yet. The rest stand alone.
 */
function pairLayers(
  mine: readonly LayerDraft[],
  theirs: readonly LayerDraft[],
): Array<[LayerDraft | undefined, LayerDraft | undefined]> {
  const partner: Array<number | undefined> = mine.map((layer) => {
    const index = layer.id === undefined ? -1 : theirs.findIndex((t) => t.id === layer.id);
    return index >= 0 ? index : undefined;
  });
  const used = new Set(partner.filter((i) => i !== undefined));
  mine.forEach((layer, index) => {
    if (layer.id === undefined && index < theirs.length && !used.has(index)) {
      partner[index] = index;
      used.add(index);
    }
  });
  const pairs = mine.map((layer, index): [LayerDraft | undefined, LayerDraft | undefined] => [
    layer,
    partner[index] === undefined ? undefined : theirs[partner[index]],
  ]);
  theirs.forEach((layer, index) => {
    if (!used.has(index)) pairs.push([undefined, layer]);
  });
  return pairs;
}
