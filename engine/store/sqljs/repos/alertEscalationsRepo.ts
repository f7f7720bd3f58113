import type { AlertEscalation } from '../../../../shared/escalation/alertEscalation.js';
import type { AlertEscalationsRepo } from '../../store.js';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.js';

// Written only by this repository, from values the escalation service built.
const toEscalation = (row: SqlRow) => JSON.parse(String(row.state_json)) as AlertEscalation;

/** Snapshots ask for thousands of alerts: in chunks, under SQLite's parameter limit. */
const chunk = 500;

export class SqlAlertEscalationsRepo implements AlertEscalationsRepo {
  constructor(private readonly db: SqlDatabase) {}

  async get(alertId: number): Promise<AlertEscalation | null> {
    const row = this.db.get('SELECT state_json FROM alert_escalations WHERE alert_id = ?', [
      alertId,
    ]);
    return row ? toEscalation(row) : null;
  }

  async listFor(alertIds: readonly number[]): Promise<AlertEscalation[]> {
    const found: AlertEscalation[] = [];
    for (let i = 0; i < alertIds.length; i += chunk) {
      const ids = alertIds.slice(i, i + chunk);
      const rows = this.db.all(
        `SELECT state_json FROM alert_escalations WHERE alert_id IN (${ids.map(() => '?').join(', ')}) ORDER BY alert_id`,
        ids,
      );
      found.push(...rows.map(toEscalation));
    }
    return found;
  }

  async put(value: AlertEscalation, at: number): Promise<void> {
    this.db.run(
      `INSERT INTO alert_escalations (alert_id, policy_id, state_json, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (alert_id) DO UPDATE SET policy_id = excluded.policy_id,
         state_json = excluded.state_json, updated_at = excluded.updated_at`,
      [Number(value.alertId), Number(value.policyId), JSON.stringify(value), at],
    );
  }
}
