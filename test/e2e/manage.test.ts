import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { type E2eBrowser, launchBrowser, pagePerTest, signIn } from './harness.js';

type Clipboardish = { clipboard: { readText(): Promise<string> } };

/** The URL and JSON body of the first `curl -X POST '<url>' … -d '<json>'` of a snippet. */
function firstCurl(snippet: string): { url: string; body: unknown } {
  const match = /curl -X POST '([^']+)'[\s\S]*?-d '([^']+)'/.exec(snippet);
  if (!match) throw new Error(`no curl command in:\n${snippet}`);
  return { url: match[1]!, body: JSON.parse(match[2]!) };
}

/** Requests the page sent to the engine's REST API for escalation policies. */
function policyWrites(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/escalation-policies') && request.method() !== 'GET') {
      seen.push(`${request.method()} ${request.url()}`);
    }
  });
  return seen;
}

describe('managing sources, policies and users in the console', () => {
  let t: TestEngine;
  let e2e: E2eBrowser;
  let admin: Client;
  const pages = pagePerTest(() => e2e);

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
    admin = client(t.url);
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  it('sets up a user, a policy and a source through the UI; the curl example opens an alert', async () => {
    const current = await pages.open();
    const { page, context } = current;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    const writes = policyWrites(page);
    await signIn(page, t.url, adminToken);
    await page.getByRole('link', { name: 'Manage', exact: true }).click();
    await page.getByTestId('manage').waitFor();

    // A user, with a searchable time zone, and a viewer token shown once.
    await page.getByRole('link', { name: 'Users' }).click();
    expect(new URL(page.url()).pathname).toBe('/manage/users');
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('[data-testid="user-list"] tr', { hasText: 'Ada Lovelace' }).waitFor();
    const ada = (await admin.get('/api/v1/users')).body.items.find(
      (u: { email: string }) => u.email === 'ada@example.com',
    );
    expect(ada).toMatchObject({ role: 'responder', timeZone: 'Europe/Berlin' });

    await page.getByLabel('Token name').fill('NOC wall');
    await page.getByLabel('May do').selectOption('viewer');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^noc_/);
    const me = await client(t.url, secret).get('/api/v1/me');
    expect(me.body).toMatchObject({ id: ada.id, effectiveRole: 'viewer' });

    // An empty level is explained next to it, and nothing is sent.
    await page.getByRole('link', { name: 'Escalation policies' }).click();
    await page.getByRole('button', { name: 'New escalation policy' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Database on-call');
    await page.getByRole('button', { name: 'Create policy' }).click();
    const levelError = page.locator('.level[data-level="0"] .field__error');
    await levelError.waitFor();
    expect(await levelError.textContent()).toBe(
      'A level needs at least one target: a user, a schedule or a team.',
    );
    expect(await page.getByTestId('form-error').textContent()).toContain('one field needs');
    expect(writes).toEqual([]);
    expect((await admin.get('/api/v1/escalation-policies')).body.items).toEqual([]);

    // With Ada as the target, it is created.
    await page.getByLabel('user to add to level 1').selectOption({ label: 'Ada Lovelace' });
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByLabel('Escalate after (minutes)').fill('10');
    await page.getByRole('button', { name: 'Create policy' }).click();
    await page.locator('[data-testid="policy-list"] tr', { hasText: 'Database on-call' }).waitFor();
    expect(writes).toHaveLength(1);
    const policy = (await admin.get('/api/v1/escalation-policies')).body.items[0];
    expect(policy).toMatchObject({
      name: 'Database on-call',
      levels: [{ targets: [{ type: 'user', id: ada.id }], timeoutMinutes: 10, roundRobin: false }],
      repeat: 0,
    });

    // An alert source using the policy, with its key and examples.
    await page.getByRole('link', { name: 'Alert sources' }).click();
    await page.getByRole('button', { name: 'New alert source' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Prometheus prod');
    await page.getByLabel('Escalation policy').selectOption({ label: 'Database on-call' });
    await page.getByLabel('Acknowledgement timeout (minutes)').fill('30');
    await page.getByRole('button', { name: 'Create alert source' }).click();
    const key = page.getByTestId('integration-key');
    await key.waitFor();
    const source = (await admin.get('/api/v1/alert-sources')).body.items[0];
    expect(source).toMatchObject({
      name: 'Prometheus prod',
      escalationPolicyId: policy.id,
      ackTimeoutMinutes: 30,
    });
    expect(await key.textContent()).toBe(source.integrationKey);
    expect(await page.getByTestId('example-alertmanager').textContent()).toContain(
      `url: '${t.url}/api/v1/alertmanager/${source.integrationKey}'`,
    );
    expect(await page.locator('.manage__timeouts').textContent()).toContain('30 minutes');

    // Copy the PagerDuty example as an operator would, and send its first command.
    await page.getByTestId('copy-pagerduty').click();
    await page.getByText('Copied.').waitFor();
    const copied = await page.evaluate(() => {
      // Runs in the page (this file is type-checked without the DOM).
      const page = globalThis as unknown as { navigator: Clipboardish };
      return page.navigator.clipboard.readText();
    });
    expect(copied).toBe(await page.getByTestId('example-pagerduty').textContent());
    const { url, body } = firstCurl(copied);
    expect(url).toBe(`${t.url}/v2/enqueue`);
    expect(body).toMatchObject({ routing_key: source.integrationKey, event_action: 'trigger' });
    const sent = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(sent.status).toBe(202);

    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    const row = page.locator('[data-alert-id]', { hasText: 'Test alert from Prometheus prod' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Prometheus prod');
  });

  it('creates a team with a member', async () => {
    const grace = await admin.post('/api/v1/users', {
      name: 'Grace Hopper',
      email: 'grace@example.com',
      role: 'responder',
    });
    const current = await pages.open();
    const { page } = current;
    await signIn(page, t.url, adminToken);
    await page.goto(`${t.url}/manage/teams`);
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Database Ops');
    await page.getByLabel('User to add').selectOption({ label: 'Grace Hopper' });
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByLabel('Team role of Grace Hopper').selectOption('manager');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.locator('[data-testid="team-list"] tr', { hasText: 'Database Ops' }).waitFor();
    const teams = (await admin.get('/api/v1/teams')).body.items;
    expect(teams).toMatchObject([
      { name: 'Database Ops', members: [{ userId: grace.body.id, role: 'manager' }] },
    ]);
  });

  it('lists a user’s API tokens, a new one among them, and revokes one after asking', async () => {
    const lin = await admin.post('/api/v1/users', {
      name: 'Lin Wall',
      email: 'lin@example.com',
      role: 'responder',
    });
    await admin.post(`/api/v1/users/${lin.body.id}/tokens`, { name: 'deploy script' });
    const current = await pages.open();
    const { page } = current;
    await signIn(page, t.url, adminToken);
    await page.goto(`${t.url}/manage/users`);
    await page.getByRole('button', { name: 'Lin Wall' }).click();
    const list = page.getByTestId('token-list');
    await list.locator('tr', { hasText: 'deploy script' }).waitFor();
    expect(await list.locator('tr', { hasText: 'deploy script' }).textContent()).toContain(
      'as the user (responder)',
    );

    await page.getByLabel('Token name').fill('Lobby screen');
    await page.getByLabel('May do').selectOption('viewer');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    const row = list.locator('tr', { hasText: 'Lobby screen' });
    await row.waitFor();
    expect(await row.textContent()).toContain('read only (viewer)');
    expect(await row.textContent()).toContain('never');
    expect((await client(t.url, secret).get('/api/v1/me')).status).toBe(200);

    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('this cannot be undone').waitFor();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await page.getByTestId('token-message').textContent()).toContain(
      '“Lobby screen” was revoked',
    );
    expect(await list.locator('tr', { hasText: 'deploy script' }).count()).toBe(1);
    expect((await client(t.url, secret).get('/api/v1/me')).status).toBe(401);
  });

  it('is read-only for a viewer token, and says why', async () => {
    await admin.post('/api/v1/alert-sources', { name: 'Blackbox probes' });
    const users = (await admin.get('/api/v1/users')).body.items as Array<{ id: string }>;
    const token = await admin.post(`/api/v1/users/${users[0]!.id}/tokens`, {
      name: 'wall',
      role: 'viewer',
    });
    const current = await pages.open();
    const { page } = current;
    await signIn(page, t.url, token.body.token);
    await page.goto(`${t.url}/manage/alert-sources`);
    const notice = page.getByTestId('manage-readonly');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('viewer token');
    expect(await page.getByRole('button', { name: 'New alert source' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Blackbox probes' }).click();
    await page.getByText('Integration keys are shown to responders and admins only.').waitFor();
    expect(await page.getByTestId('integration-key').count()).toBe(0);
  });
});
