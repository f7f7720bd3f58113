import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

describe('alert sources over REST', () => {
  let t: TestEngine;
  let api: Client;
  beforeAll(async () => {
    t = await startTestEngine();
    api = client(t.url);
  });
  afterAll(() => t.dispose());

  it('creates a source with a generated integration key, reads, lists, updates and deletes it', async () => {
    const created = await api.post('/api/v1/alert-sources', { name: 'Prometheus prod' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Prometheus prod', escalationPolicyId: null });
    expect(created.body.integrationKey).toMatch(/^[0-9a-f]{32}$/);
    expect(created.headers.get('location')).toBe(`/api/v1/alert-sources/${created.body.id}`);

    const read = await api.get(`/api/v1/alert-sources/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    const list = await api.get('/api/v1/alert-sources');
    expect(list.body.items).toContainEqual(created.body);

    const renamed = await api.patch(`/api/v1/alert-sources/${created.body.id}`, {
      name: 'Prometheus EU',
      rotateIntegrationKey: true,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Prometheus EU');
    expect(renamed.body.integrationKey).not.toBe(created.body.integrationKey);

    const deleted = await api.delete(`/api/v1/alert-sources/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect((await api.get(`/api/v1/alert-sources/${created.body.id}`)).body.error.code).toBe(
      'alert_source_not_found',
    );
  });

  it('refuses a source without a name, with a stable code and the field named', async () => {
    const res = await api.post('/api/v1/alert-sources', { name: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.issues[0].path).toBe('name');
  });

  it('refuses requests without a valid token', async () => {
    const anonymous = await client(t.url, null).get('/api/v1/alert-sources');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    const wrong = await client(t.url, 'noc_wrongwrongwrongwrongwrongwrong').get(
      '/api/v1/alert-sources',
    );
    expect(wrong.status).toBe(401);
  });
});
