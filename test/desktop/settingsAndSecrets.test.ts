import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  defaultSettings,
  settingsView,
} from '../../shared/ipc/desktopSettings.js';
import { loadOrCreateEmbeddedToken } from '../../main/engines/embeddedToken.js';
import { normaliseEngineUrl } from '../../main/engines/remoteEngines.js';
import {
  encryptSecret,
  secretStoreProblem,
  SecureStorageUnavailable,
  type SafeStorageLike,
} from '../../main/engines/secretBox.js';
import { linuxAutostartEntry, setLinuxAutostart } from '../../main/settings/loginItem.js';
import { loadSettings, saveSettings } from '../../main/settings/settingsFile.js';

const dir = mkdtempSync(join(tmpdir(), 'nocturne-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A reversible stand-in for safeStorage ("encrypts" by reversing and prefixing). */
function fakeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (data) => [...data.toString().slice(4)].reverse().join(''),
  };
}

describe('settings file', () => {
  it('missing → defaults; saved → read back', () => {
    const file = join(dir, 'a.json');
    expect(loadSettings(file)).toEqual({ settings: defaultSettings(), problem: null });
    const changed = applySettingsPatch(defaultSettings(), {
      theme: 'dark',
      notifications: { dedupMinutes: 3 },
    });
    saveSettings(file, changed);
    expect(loadSettings(file).settings).toEqual(changed);
    expect(changed.notifications).toMatchObject({ enabled: true, dedupMinutes: 3 });
  });

  it.each([
    ['not JSON', '{"theme": "dark",'],
    ['invalid', JSON.stringify({ theme: 'neon', startAtLogin: 'yes' })],
    ['empty', ''],
  ])(
    'corrupt (%s) → defaults and the bad file kept as a backup, never a crash',
    (_what, content) => {
      const file = join(dir, `bad-${_what.replace(/\W/g, '')}.json`);
      writeFileSync(file, content);
      const loaded = loadSettings(file, () => new Date('2026-03-01T09:00:00Z'));
      expect(loaded.settings).toEqual(defaultSettings());
      expect(loaded.problem?.backup).toBe(`${file}.corrupt-2026-03-01T09-00-00-000Z`);
      expect(readFileSync(loaded.problem!.backup, 'utf8')).toBe(content);
    },
  );

  it('a file from an older version (sections missing) keeps what it has', () => {
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ theme: 'light', notifications: { soundForHigh: false } }));
    const { settings } = loadSettings(file);
    expect(settings.theme).toBe('light');
    expect(settings.notifications).toEqual({
      enabled: true,
      allHighAlerts: true,
      soundForHigh: false,
      dedupMinutes: 10,
    });
    expect(settings.engines.embedded).toEqual({ enabled: true, port: 7070 });
  });

  it('the view sent to windows carries no token ciphertext', () => {
    const s = defaultSettings();
    s.engines.remotes.push({
      id: 'remote-ab',
      label: 'Team',
      url: 'https://noc.example',
      tokenCiphertext: 'c2VjcmV0',
    });
    expect(JSON.stringify(settingsView(s))).not.toContain('c2VjcmV0');
  });
});

describe('tokens', () => {
  it('remote tokens are only ever stored encrypted; no secret store → refused, with the reason', () => {
    expect(encryptSecret(fakeStorage(true), 'linux', 'noc_abc')).toBe(
      Buffer.from('enc:cba_con').toString('base64'),
    );
    expect(() => encryptSecret(fakeStorage(false), 'darwin', 'noc_abc')).toThrow(
      SecureStorageUnavailable,
    );
    expect(() => encryptSecret(fakeStorage(true, 'basic_text'), 'linux', 'noc_abc')).toThrow(
      /keyring/,
    );
    expect(secretStoreProblem(fakeStorage(true, 'basic_text'), 'win32')).toBeNull();
  });

  it('the embedded engine token is made once and reused; encrypted when it can be', () => {
    const file = join(dir, 'embedded.json');
    const storage = fakeStorage(true);
    const token = loadOrCreateEmbeddedToken(file, storage, 'linux');
    expect(token).toMatch(/^noc_[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(file, 'utf8')).not.toContain(token);
    expect(loadOrCreateEmbeddedToken(file, storage, 'linux')).toBe(token);
    const plainFile = join(dir, 'embedded-plain.json');
    const plain = loadOrCreateEmbeddedToken(plainFile, fakeStorage(false), 'linux');
    expect(JSON.parse(readFileSync(plainFile, 'utf8'))).toEqual({ form: 'plain', value: plain });
    if (process.platform !== 'win32') expect(statSync(plainFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('engine URLs: http(s) only, no credentials or query', () => {
    expect(normaliseEngineUrl(' https://noc.example.com:8443/ ')).toBe(
      'https://noc.example.com:8443',
    );
    expect(normaliseEngineUrl('http://10.0.0.5:7070/nocturne/')).toBe(
      'http://10.0.0.5:7070/nocturne',
    );
    for (const bad of ['ftp://x', 'https://u:p@x', 'https://x/?token=1', 'x', 'file:///tmp'])
      expect(normaliseEngineUrl(bad)).toBeNull();
  });
});

describe('start at login on Linux (XDG autostart)', () => {
  it('writes and removes ~/.config/autostart/nocturne.desktop', () => {
    const home = join(dir, 'xdg');
    setLinuxAutostart(true, '/opt/Nocturne/nocturne', [], home);
    const entry = readFileSync(join(home, 'autostart', 'nocturne.desktop'), 'utf8');
    expect(entry).toContain('Exec="/opt/Nocturne/nocturne"');
    expect(linuxAutostartEntry('/a b/electron', ['/app "x"'])).toContain(
      'Exec="/a b/electron" "/app \\"x\\""',
    );
    setLinuxAutostart(false, '/opt/Nocturne/nocturne', [], home);
    expect(readdirSync(join(home, 'autostart'))).toEqual([]);
  });
});
