import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { segmentName } from '../../../engine/store/sqljs/dataDir.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, tempDataDir } from '../../helpers/testEngine.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A disk that fails: the journal's next segment is /dev/full, so its first write is ENOSPC.
 * The engine must stop confirming (and showing) anything, say why, and lose nothing it
 * confirmed before.
 */
describe.runIf(existsSync('/dev/full'))('when the journal cannot be written', () => {
  it('answers 503 store_unavailable, reports unhealthy, and keeps everything confirmed before', async () => {
    const dataDir = tempDataDir('nocturne-diskfull-');
    dirs.push(dataDir);
    // One-byte segments: every flush closes its segment and opens the next.
    let t = await startTestEngine({ dataDir, segmentBytes: 1 });
    const api = () => client(t.url);
    const source = (await api().post('/api/v1/alert-sources', { name: 'before' })).body;
    const seq = t.engine.store.health().seq;
    symlinkSync('/dev/full', join(dataDir, segmentName(seq + 2)));
    const kept = await api().post('/api/events', {
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary: 'kept',
      alertKey: 'k1',
    }); // seq + 1, the last record before the disk "fills up"
    expect(kept.status).toBe(202);

    const failed = await api().post('/api/events', {
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary: 'lost',
      alertKey: 'k2',
    });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('store_unavailable');
    expect(failed.body.error.message).toMatch(/restart the engine/);
    expect((await api().post('/api/v1/alert-sources', { name: 'after' })).status).toBe(503);
    // Nor does it show what it could not store.
    expect((await api().get('/api/v1/alerts')).status).toBe(503);
    const health = await api().get('/healthz');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('failing');
    expect((await api().get('/metrics')).status).toBe(200);

    await t.engine.close();
    rmSync(join(dataDir, segmentName(seq + 2)));
    t = await startTestEngine({ dataDir });
    const alerts = (await api().get('/api/v1/alerts')).body.items;
    expect(alerts.map((a: any) => a.alertKey)).toEqual(['k1']);
    expect((await api().get('/api/v1/alert-sources')).body.items.map((s: any) => s.name)).toEqual([
      'before',
    ]);
    await t.engine.close();
  });
});
