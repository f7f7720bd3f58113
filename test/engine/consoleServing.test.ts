import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCsp } from '../../engine/http/consoleFiles.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/**
 * The engine serves the operator console (docs/console.md) over real HTTP: the page for every
 * client-side route a browser loads, the hashed assets cached for a year, a strict CSP, and
 * never the page where an API client expects its JSON 404.
 */
const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const indexHtml =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('serving the console', () => {
  let t: TestEngine;
  let dir: string;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${t.url}${path}`, { method, headers });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nocturne-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), indexHtml);
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("console");\n');
    writeFileSync(join(dir, 'assets', 'app-abc123.css'), 'body{}\n');
    writeFileSync(join(dir, 'secret.txt'), 'not an asset');
    t = await startTestEngine({ consoleDir: dir });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with the console for a browser, with its security headers', async () => {
    const res = await get('/', html);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(indexHtml);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(consoleCsp);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('has a CSP without inline scripts or styles, without eval, and no framing', () => {
    const directives = new Map(
      consoleCsp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(consoleCsp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('answers / with the JSON index for API clients', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toMatchObject({ service: 'nocturne-engine', api: '/api/v1' });
  });

  it.each([
    '/wall',
    '/alerts',
    '/alerts/42',
    '/schedules',
    '/settings',
    '/manage',
    '/no/such/view',
  ])('answers the client-side route %s with the console', async (path) => {
    const res = await get(path, html);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(indexHtml);
    expect(res.headers.get('content-security-policy')).toBe(consoleCsp);
  });

  it('keeps JSON 404s for the API, ingest and operations paths, even for a browser', async () => {
    for (const path of [
      '/api/v1/nothing',
      '/api/nothing',
      '/v2/nothing',
      '/metrics/x',
      '/healthz/x',
    ]) {
      const res = await get(path, html);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as any).error.code, path).toBe('not_found');
    }
  });

  it('keeps JSON 404s for non-GET requests, non-HTML clients and file names', async () => {
    const post = await get('/wall', html, 'POST');
    expect(post.status).toBe(404);
    expect(((await post.json()) as any).error.code).toBe('not_found');
    const api = await get('/wall', { accept: 'application/json' });
    expect(api.status).toBe(404);
    const file = await get('/favicon.ico', html);
    expect(file.status).toBe(404);
    expect(((await file.json()) as any).error.code).toBe('not_found');
  });

  it('serves assets with long cache headers and their content type', async () => {
    const js = await get('/assets/app-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toContain('console');
    const css = await get('/assets/app-abc123.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers a missing asset 404, never the page, and serves nothing outside assets/', async () => {
    const missing = await get('/assets/gone-000.js', html);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('not_found');
    for (const path of ['/assets/../secret.txt', '/assets/%2e%2e/secret.txt', '/assets/']) {
      const res = await get(path, html);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(await res.text(), path).not.toContain('not an asset');
    }
  });
});

describe('an engine without a built console', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({ consoleDir: join(tmpdir(), 'nocturne-no-console-here') });
  });
  afterAll(() => t.dispose());

  it('says how to build it, on / and on client-side routes', async () => {
    for (const path of ['/', '/wall']) {
      const res = await fetch(`${t.url}${path}`, { headers: html });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-security-policy')).toBe(consoleCsp);
      expect(await res.text()).toContain('npm run build');
    }
  });

  it('still answers the API', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
