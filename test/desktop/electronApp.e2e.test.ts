import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from 'playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { electronPackageDir, findElectronBinary } from '../../main/launcher/electronBinary.js';
import { client } from '../helpers/http.js';
import { adminToken } from '../helpers/testEngine.js';

/**
 * The desktop app end to end with Playwright's `_electron`: launch, the console window shows the
 * queue, an alert posted to the embedded engine appears, accepting it works. It needs an Electron
 * binary (none can be downloaded on CI here), a display and a built app; without them it is
 * skipped LOUDLY, with the reason in the test's name and a banner, never passed silently.
 * To run it: `npx install-electron` (or let `npm start` download it once), `npm run build`, then
 * `xvfb-run -a npx vitest run test/desktop/electronApp.e2e.test.ts` (docs/desktop.md).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary(electronPackageDir());
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const built = ['dist/main/main.js', 'dist/preload/preload.cjs', 'dist/renderer/index.html'].filter(
  (file) => !existsSync(join(root, file)),
);
const reasons = [
  ...(binary
    ? []
    : [
        'no Electron binary (node_modules/electron has not downloaded it: run "npx install-electron")',
      ]),
  ...(hasDisplay ? [] : ['no display (run under xvfb-run)']),
  ...(built.length
    ? [`the app is not built (${built.join(', ')} missing: run "npm run build")`]
    : []),
];
const skipReason = reasons.join('; ');
if (skipReason)
  console.warn(
    `\n${'!'.repeat(72)}\nSKIPPED: Electron end-to-end test — ${skipReason}\n${'!'.repeat(72)}\n`,
  );

const userData = mkdtempSync(join(tmpdir(), 'nocturne-electron-e2e-'));
let app: ElectronApplication | null = null;
afterAll(async () => {
  await app?.close().catch(() => undefined);
  rmSync(userData, { recursive: true, force: true });
});

describe('desktop app (Electron)', () => {
  it.skipIf(Boolean(skipReason))(
    `launches, shows the queue, a posted alert appears and can be accepted${skipReason ? ` (SKIPPED: ${skipReason})` : ''}`,
    async () => {
      app = await electron.launch({
        executablePath: binary!,
        args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
        env: {
          ...process.env,
          NOCTURNE_USER_DATA_DIR: userData,
          NOCTURNE_EMBEDDED_ADMIN_TOKEN: adminToken,
          NOCTURNE_EMBEDDED_PORT: '0',
        } as Record<string, string>,
      });
      const engineUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the embedded engine did not start')),
          30_000,
        );
        app!.process().stderr?.on('data', (chunk: Buffer) => {
          const match = /embedded engine listening on (http:\/\/\S+)/.exec(chunk.toString());
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const page = await app.firstWindow();
      expect(page.url()).toMatch(/^app:\/\/nocturne\//);
      // The page has the bridge and nothing of Node.
      expect(await page.evaluate(() => typeof (globalThis as any).nocturne?.acceptAlert)).toBe(
        'function',
      );
      expect(await page.evaluate(() => typeof (globalThis as any).require)).toBe('undefined');

      const api = client(engineUrl);
      const source = await api.post('/api/v1/alert-sources', { name: 'E2E' });
      await api.post('/api/events', {
        integrationKey: source.body.integrationKey,
        eventType: 'ALERT',
        summary: 'Disk full on db-e2e',
        alertKey: 'e2e',
        priority: 'HIGH',
      });
      await page.getByText('Disk full on db-e2e').first().waitFor({ timeout: 20_000 });
      await page
        .getByRole('button', { name: /accept/i })
        .first()
        .click();
      await expect
        .poll(
          async () => (await api.get('/api/v1/alerts?state=ACCEPTED')).body.items?.length ?? 0,
          { timeout: 20_000 },
        )
        .toBe(1);
    },
    120_000,
  );
});
