import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIVE } from '../../../engine/store/sqljs/liveSchema.js';
import { migrations } from '../../../engine/store/sqljs/migrations/index.js';
import { migrationTableSql } from '../../../engine/store/sqljs/migrations.js';
import { writeSnapshot } from '../../../engine/store/sqljs/snapshotWriter.js';
import { SqlDatabase } from '../../../engine/store/sqljs/sqlDatabase.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, tempDataDir } from '../../helpers/testEngine.js';

/**
 * A data directory from before migrations 7 and 8: its alerts read as paging as usual (no
 * maintenance window), and monitors and windows can be added to it.
 */
describe('migrations 7 (heartbeats) and 8 (maintenance) on an existing data directory', () => {
  it('keeps old alerts unmarked and takes new monitors and windows', async () => {
    const dir = tempDataDir();
    const db = await SqlDatabase.open();
    db.begin();
    db.run(migrationTableSql);
    for (const migration of migrations.filter((m) => m.version < 7)) {
      db.run(migration.sql);
      db.run(`INSERT INTO ${LIVE}.schema_migrations (version, name, applied_at) VALUES (?, ?, 0)`, [
        migration.version,
        migration.name,
      ]);
    }
    db.run(`PRAGMA ${LIVE}.user_version = 6`);
    const at = Date.parse('2025-01-01T00:00:00Z');
    db.run(
      'INSERT INTO alert_sources (name, integration_key, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ['Old source', 'old-key', at, at],
    );
    db.run(
      "INSERT INTO alerts (source_id, alert_key, key_norm, state, priority, summary, origin, labels_json, links_json, images_json, event_count, created_at, updated_at, last_event_at) VALUES (1, 'k', 'k', 'PENDING', 'HIGH', 'Old alert', 'ilert', '{}', '[]', '[]', 1, ?, ?, ?)",
      [at, at, at],
    );
    db.commit();
    writeSnapshot(dir, 1, db.exportAndClose());

    const t = await startTestEngine({ dataDir: dir });
    try {
      const api = client(t.url);
      expect((await api.get('/api/v1/alerts/1')).body).toMatchObject({
        summary: 'Old alert',
        maintenanceWindowId: null,
      });
      const monitor = await api.post('/api/v1/heartbeat-monitors', {
        name: 'Backup',
        alertSourceId: '1',
        intervalSeconds: 3600,
      });
      expect(monitor.status).toBe(201);
      const window = await api.post('/api/v1/maintenance-windows', {
        name: 'Now',
        alertSourceIds: ['1'],
        schedule: { kind: 'once', start: '2020-01-01T00:00:00Z', end: '2020-01-02T00:00:00Z' },
      });
      expect(window.status).toBe(201);
    } finally {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
