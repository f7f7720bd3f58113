import { alertRowFields } from '../../shared/protocol/alertRows.js';
import type { ProtocolVersion } from '../../shared/protocol/messages.js';
import { entityLists, type AlertEntry, type LiveView } from './liveView.js';

/**
 * A snapshot of the live view, frozen at the view's sequence: the texts of every entity, taken
 * at once (references, not copies), then turned into messages part by part — the view may move
 * on meanwhile. Part 0 carries the entities besides alerts; each part carries its alerts'
 * escalations (docs/protocol.md, "Snapshots"). In protocol 2 the alerts are rows
 * (`alertFields` + `alertRows`), and a part is built by copying the rows' UTF-8 bytes into one
 * buffer: no string to build, nothing to encode.
 */
export interface FrozenSnapshot {
  readonly seq: number;
  readonly parts: number;
  /** Part `i` of `parts`, a `SnapshotMessage` as JSON: a string, or its UTF-8 bytes. */
  message(i: number): string | Buffer;
}

const fieldsJson = `"alertFields":${JSON.stringify(alertRowFields)},"alertRows":[`;
const comma = 0x2c;

export function freezeSnapshot(
  view: LiveView,
  streamId: string,
  partSize: number,
  protocol: ProtocolVersion,
): FrozenSnapshot {
  const seq = view.seq;
  const alerts = view.alertEntries();
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
      const start = `${head}"${new Date().toISOString()}","part":${part},"final":${part === parts - 1},`;
      const end =
        `"alertEscalations":[${partEscalations.join(',')}],` +
        `${part === 0 ? entities.join(',') : emptyEntities}}`;
      const partAlerts = alerts.slice(from, to);
      if (protocol === 1) {
        return `${start}"alerts":[${partAlerts.map((a) => a.json).join(',')}],${end}`;
      }
      return rowsMessage(`${start}${fieldsJson}`, partAlerts, `],${end}`);
    },
  };
}

/** `prefix` + the rows, comma-separated + `suffix`, as one buffer. */
function rowsMessage(prefix: string, alerts: readonly AlertEntry[], suffix: string): Buffer {
  let rowBytes = Math.max(0, alerts.length - 1);
  for (const alert of alerts) rowBytes += alert.row.length;
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  const out = Buffer.allocUnsafe(head.length + rowBytes + tail.length);
  let at = head.copy(out, 0);
  alerts.forEach((alert, i) => {
    if (i > 0) out[at++] = comma;
    at += alert.row.copy(out, at);
  });
  tail.copy(out, at);
  return out;
}
