import { entityLists, type LiveView } from './liveView.js';

/**
 * A snapshot of the live view, frozen at the view's sequence: the JSON texts of every entity,
 * taken at once (references, not copies), then turned into messages part by part — the view may
 * move on meanwhile. Part 0 carries the entities besides alerts; each part carries its alerts'
 * escalations (docs/protocol.md, "Snapshots").
 */
export interface FrozenSnapshot {
  readonly seq: number;
  readonly parts: number;
  /** The text of part `i` of `parts`, a `SnapshotMessage`. */
  message(i: number): string;
}

export function freezeSnapshot(view: LiveView, streamId: string, partSize: number): FrozenSnapshot {
  const seq = view.seq;
  const alerts = view.alertTexts();
  const ids = view.alertIds();
  const escalations = ids.map((id) => view.escalationText(id));
  const entities = entityLists.map((list) => `"${list}":[${view.entityTexts(list).join(',')}]`);
  const emptyEntities = entityLists.map((list) => `"${list}":[]`).join(',');
  const parts = Math.max(1, Math.ceil(alerts.length / partSize));
  const head = `{"type":"snapshot","streamId":${JSON.stringify(streamId)},"seq":${seq},"serverTime":`;
  return {
    seq,
    parts,
    message(part) {
      const from = part * partSize;
      const to = from + partSize;
      const partEscalations = escalations.slice(from, to).filter((e) => e !== undefined);
      return (
        `${head}"${new Date().toISOString()}","part":${part},"final":${part === parts - 1},` +
        `"alerts":[${alerts.slice(from, to).join(',')}],` +
        `"alertEscalations":[${partEscalations.join(',')}],` +
        `${part === 0 ? entities.join(',') : emptyEntities}}`
      );
    },
  };
}
