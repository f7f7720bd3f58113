import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIVE } from '../../../engine/store/sqljs/liveSchema.js';
import { migrations } from '../../../engine/store/sqljs/migrations/index.js';
import { migrationTableSql } from '../../../engine/store/sqljs/migrations.js';
import { writeSnapshot } from '../../../engine/store/sqljs/snapshotWriter.js';
import { SqlDatabase } from '../../../engine/store/sqljs/sqlDatabase.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, tempDataDir } from '../../helpers/testEngine.js';

/** A data directory from before migration 5: its users get the default notification rules. */
describe('migration 5 (notifications) on an existing data directory', () => {
  it('gives every existing user the default rules, as new users get them', async () => {
    const dir = tempDataDir();
    const db = await SqlDatabase.open();
    db.begin();
    db.run(migrationTableSql);
    for (const migration of migrations.filter((m) => m.version < 5)) {
      db.run(migration.sql);
      db.run(`INSERT INTO ${LIVE}.schema_migrations (version, name, applied_at) VALUES (?, ?, 0)`, [
        migration.version,
        migration.name,
      ]);
    }
    db.run(`PRAGMA ${LIVE}.user_version = 4`);
    const created = Date.parse('2025-01-01T00:00:00Z');
    db.run(
      'INSERT INTO users (name, email, role, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ['Old Admin', 'old-admin@example.com', 'admin', 'UTC', created, created],
    );
    db.commit();
    writeSnapshot(dir, 1, db.exportAndClose());

    const t = await startTestEngine({ dataDir: dir });
    try {
      const api = client(t.url);
      const old = (await api.get('/api/v1/users/1/notification-rules')).body.items;
      const fresh = await api.post('/api/v1/users', {
        name: 'New',
        email: 'new@example.com',
        role: 'responder',
      });
      const made = (await api.get(`/api/v1/users/${fresh.body.id}/notification-rules`)).body.items;
      const shape = (rules: any[]) =>
        rules.map((r) => [r.channel, r.delayMinutes, r.priority, r.address]);
      expect(shape(old)).toEqual(shape(made));
      expect(shape(old)).toHaveLength(3);
      const onCall = (await api.get('/api/v1/users/1/on-call-notification-rules')).body.items;
      expect(onCall.map((r: any) => [r.channel, r.minutesBefore])).toEqual([['console', 15]]);
    } finally {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
