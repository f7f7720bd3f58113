import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../engine/auth/apiTokens.js';
import { LIVE } from '../../../engine/store/sqljs/liveSchema.js';
import { alertsCore } from '../../../engine/store/sqljs/migrations/001_alertsCore.js';
import { migrationTableSql } from '../../../engine/store/sqljs/migrations.js';
import { writeSnapshot } from '../../../engine/store/sqljs/snapshotWriter.js';
import { SqlDatabase } from '../../../engine/store/sqljs/sqlDatabase.js';
import { client } from '../../helpers/http.js';
import { adminToken, startTestEngine, tempDataDir } from '../../helpers/testEngine.js';

const oldToken = 'noc_a-token-made-before-teams-existed-0123456789';

/**
 * A data directory written before migration 2 (teams, token caps): what it held keeps working,
 * and the new tables and columns are there after the upgrade and after a restart.
 */
describe('migration 2 (teams) on an existing data directory', () => {
  it('keeps users and tokens; old tokens have no cap and were never used', async () => {
    const dir = tempDataDir();
    const db = await SqlDatabase.open();
    db.begin();
    db.run(migrationTableSql);
    db.run(alertsCore.sql);
    db.run(`INSERT INTO ${LIVE}.schema_migrations (version, name, applied_at) VALUES (1, ?, 0)`, [
      alertsCore.name,
    ]);
    db.run(`PRAGMA ${LIVE}.user_version = 1`);
    const created = Date.parse('2025-01-01T00:00:00Z');
    for (const [name, email, role] of [
      ['Old Admin', 'old-admin@example.com', 'admin'],
      ['Old Responder', 'old@example.com', 'responder'],
    ]) {
      db.run(
        'INSERT INTO users (name, email, role, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        [name!, email!, role!, 'Europe/Berlin', created, created],
      );
    }
    db.run(
      'INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) VALUES (2, ?, ?, ?, ?)',
      ['old laptop', hashToken(oldToken), oldToken.slice(0, 8), created],
    );
    db.commit();
    writeSnapshot(dir, 1, db.exportAndClose());

    const t = await startTestEngine({ dataDir: dir });
    try {
      expect(t.engine.startup.migrated).toBeGreaterThanOrEqual(1);
      const asOld = client(t.url, oldToken);
      expect((await asOld.get('/api/v1/me')).body).toMatchObject({
        name: 'Old Responder',
        effectiveRole: 'responder',
        token: { name: 'old laptop', role: null, lastUsedAt: null },
      });
      // The start-up admin token was registered for the existing admin.
      expect((await client(t.url, adminToken).get('/api/v1/me')).body.name).toBe('Old Admin');
      const team = await client(t.url).post('/api/v1/teams', {
        name: 'New',
        members: [{ userId: '2' }],
      });
      expect(team.status).toBe(201);
      const again = await t.restart();
      expect((await client(again.url).get('/api/v1/teams')).body.items).toEqual([team.body]);
      expect((await client(again.url, oldToken).get('/api/v1/me/tokens')).body.items).toEqual([
        expect.objectContaining({ name: 'old laptop', role: null, lastUsedAt: expect.any(String) }),
      ]);
      await again.dispose();
    } catch (error) {
      await t.dispose().catch(() => undefined);
      throw error;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
