import { AlertSummary } from '../domain/alert.js';

/**
 * Protocol 2's compact form of a snapshot part's alerts (docs/protocol.md, "Alert rows"): the
 * field names once per part (`alertFields`), then one JSON array of values per alert
 * (`alertRows`), in the order of the names. About 40 % fewer bytes than an object per alert,
 * which the engine builds, the network carries and the console decodes on every (re)load.
 *
 * The names travel with the rows, so a console reads rows of an engine that knows more (or
 * fewer) fields than it does: the rows become objects and are validated as objects.
 */
export const alertRowFields: readonly string[] = Object.keys(AlertSummary.shape);

/** One alert as its row: the values of {@link alertRowFields}, an absent one as null. */
export function alertRow(alert: AlertSummary): unknown[] {
  const record = alert as unknown as Record<string, unknown>;
  return alertRowFields.map((field) => record[field] ?? null);
}

/**
 * Replaces `alertFields` + `alertRows` of a parsed snapshot part (in place) by `alerts`, one
 * object per row. Returns an error sentence when the rows cannot be read; a part without rows
 * is left as it is.
 */
export function expandAlertRows(json: Record<string, unknown>): string | null {
  const fields = json['alertFields'];
  const rows = json['alertRows'];
  if (fields === undefined && rows === undefined) return null;
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string' && f !== '__proto__')) {
    return 'The engine sent alert rows without a list of field names.';
  }
  if (!Array.isArray(rows)) return 'The engine sent alert field names without rows.';
  const names = fields as string[];
  // The fields this console knows, in its order (every row of a current engine): one object
  // literal per row, several times faster than setting fields by name.
  const known =
    names.length === alertRowFields.length && names.every((f, j) => f === alertRowFields[j]);
  const alerts: unknown[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row: unknown = rows[i];
    if (!Array.isArray(row) || row.length !== names.length) {
      return `The engine sent alert row ${i} with ${Array.isArray(row) ? row.length : 'no'} values for ${names.length} fields.`;
    }
    alerts[i] = known ? knownRowAlert(row) : namedRowAlert(names, row);
  }
  delete json['alertFields'];
  delete json['alertRows'];
  json['alerts'] = alerts;
  return null;
}

function namedRowAlert(names: readonly string[], row: readonly unknown[]): Record<string, unknown> {
  const alert: Record<string, unknown> = {};
  for (let j = 0; j < names.length; j += 1) alert[names[j]!] = row[j];
  return alert;
}

/** A row in {@link alertRowFields}' order as its object (test/shared/alertRows.test.ts keeps them in step). */
function knownRowAlert(r: readonly unknown[]): Record<keyof AlertSummary, unknown> {
  return {
    id: r[0],
    sourceId: r[1],
    alertKey: r[2],
    state: r[3],
    priority: r[4],
    severity: r[5],
    summary: r[6],
    origin: r[7],
    labels: r[8],
    links: r[9],
    eventCount: r[10],
    createdAt: r[11],
    updatedAt: r[12],
    lastEventAt: r[13],
    acceptedAt: r[14],
    acceptedBy: r[15],
    resolvedAt: r[16],
    assigneeId: r[17],
    maintenanceWindowId: r[18],
  };
}
