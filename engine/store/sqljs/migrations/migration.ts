/**
 * One schema migration: SQL run once, in a journaled transaction, in version order. Objects are
 * created in the in-memory schema `live` (`CREATE TABLE live.x`, `CREATE INDEX live.i ON x …`;
 * see ../liveSchema.ts). Never edit a released migration: add the next one.
 *
 * Conventions: ids are INTEGER PRIMARY KEY AUTOINCREMENT (never reused); times are epoch
 * milliseconds; JSON columns end in `_json`.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
