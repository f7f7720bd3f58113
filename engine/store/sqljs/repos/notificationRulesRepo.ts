import type {
  NewNotificationRule,
  NewOnCallNotificationRule,
  NotificationRulePatch,
  NotificationRuleRecord,
  NotificationRulesRepo,
  OnCallNotificationRulePatch,
  OnCallNotificationRuleRecord,
} from '../../repositories/notificationRules.js';
import type { SqlDatabase, SqlRow, SqlValue } from '../sqlDatabase.js';

function toRule(row: SqlRow): NotificationRuleRecord {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    channel: row.channel as NotificationRuleRecord['channel'],
    delayMinutes: Number(row.delay_minutes),
    priority: row.priority as NotificationRuleRecord['priority'],
    address: row.address === null || row.address === undefined ? null : String(row.address),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toOnCallRule(row: SqlRow): OnCallNotificationRuleRecord {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    channel: row.channel as OnCallNotificationRuleRecord['channel'],
    minutesBefore: Number(row.minutes_before),
    address: row.address === null || row.address === undefined ? null : String(row.address),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Patch field → column, in a fixed order so that UPDATE statements are few and cached. */
const ruleColumns = [
  ['channel', 'channel'],
  ['delayMinutes', 'delay_minutes'],
  ['priority', 'priority'],
  ['address', 'address'],
  ['updatedAt', 'updated_at'],
] as const;
const onCallColumns = [
  ['channel', 'channel'],
  ['minutesBefore', 'minutes_before'],
  ['address', 'address'],
  ['updatedAt', 'updated_at'],
] as const;

export class SqlNotificationRulesRepo implements NotificationRulesRepo {
  constructor(private readonly db: SqlDatabase) {}

  async listByUser(userId: number): Promise<NotificationRuleRecord[]> {
    return this.db
      .all('SELECT * FROM notification_rules WHERE user_id = ? ORDER BY delay_minutes, id', [
        userId,
      ])
      .map(toRule);
  }

  async get(id: number): Promise<NotificationRuleRecord | null> {
    const row = this.db.get('SELECT * FROM notification_rules WHERE id = ?', [id]);
    return row ? toRule(row) : null;
  }

  async listOnCallByUser(userId: number): Promise<OnCallNotificationRuleRecord[]> {
    return this.db
      .all(
        'SELECT * FROM on_call_notification_rules WHERE user_id = ? ORDER BY minutes_before, id',
        [userId],
      )
      .map(toOnCallRule);
  }

  async getOnCall(id: number): Promise<OnCallNotificationRuleRecord | null> {
    const row = this.db.get('SELECT * FROM on_call_notification_rules WHERE id = ?', [id]);
    return row ? toOnCallRule(row) : null;
  }

  async maxOnCallMinutesBefore(): Promise<number> {
    const row = this.db.get('SELECT max(minutes_before) AS m FROM on_call_notification_rules');
    return Number(row?.m ?? 0);
  }

  async insert(rule: NewNotificationRule): Promise<NotificationRuleRecord> {
    const row = this.db.runReturning(
      'INSERT INTO notification_rules (user_id, channel, delay_minutes, priority, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      [
        rule.userId,
        rule.channel,
        rule.delayMinutes,
        rule.priority,
        rule.address,
        rule.createdAt,
        rule.updatedAt,
      ],
    );
    return { ...rule, id: Number(row?.id) };
  }

  async update(id: number, patch: NotificationRulePatch): Promise<NotificationRuleRecord> {
    const row = this.patch('notification_rules', ruleColumns, id, patch);
    if (!row) throw new Error(`notification rule ${id} does not exist`);
    return toRule(row);
  }

  async remove(id: number): Promise<void> {
    this.db.run('DELETE FROM notification_rules WHERE id = ?', [id]);
  }

  async insertOnCall(rule: NewOnCallNotificationRule): Promise<OnCallNotificationRuleRecord> {
    const row = this.db.runReturning(
      'INSERT INTO on_call_notification_rules (user_id, channel, minutes_before, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [rule.userId, rule.channel, rule.minutesBefore, rule.address, rule.createdAt, rule.updatedAt],
    );
    return { ...rule, id: Number(row?.id) };
  }

  async updateOnCall(
    id: number,
    patch: OnCallNotificationRulePatch,
  ): Promise<OnCallNotificationRuleRecord> {
    const row = this.patch('on_call_notification_rules', onCallColumns, id, patch);
    if (!row) throw new Error(`on-call notification rule ${id} does not exist`);
    return toOnCallRule(row);
  }

  async removeOnCall(id: number): Promise<void> {
    this.db.run('DELETE FROM on_call_notification_rules WHERE id = ?', [id]);
  }

  async removeAllOf(userId: number): Promise<void> {
    this.db.run('DELETE FROM notification_rules WHERE user_id = ?', [userId]);
    this.db.run('DELETE FROM on_call_notification_rules WHERE user_id = ?', [userId]);
  }

  private patch(
    table: string,
    columns: ReadonlyArray<readonly [string, string]>,
    id: number,
    patch: Readonly<Record<string, SqlValue | undefined>>,
  ): SqlRow | undefined {
    const set: string[] = [];
    const params: SqlValue[] = [];
    for (const [field, column] of columns) {
      const value = patch[field];
      if (value !== undefined) {
        set.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (set.length === 0) return this.db.get(`SELECT * FROM ${table} WHERE id = ?`, [id]);
    return this.db.runReturning(`UPDATE ${table} SET ${set.join(', ')} WHERE id = ? RETURNING *`, [
      ...params,
      id,
    ]);
  }
}
