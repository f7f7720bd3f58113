import { describe, expect, it } from 'vitest';
import {
  chooseEngine,
  engineOptionLabel,
  engineStatusText,
  opensOnAllEngines,
} from '../../renderer/app/desktopEngines.js';
import {
  desktopErrorSentence,
  saveDesktopSettings,
} from '../../renderer/app/desktopSettingsSave.js';
import {
  isPausedNow,
  pauseChoices,
  pauseText,
} from '../../renderer/views/settings/notificationPause.js';
import { checkRemoteEngine } from '../../renderer/views/settings/remoteEngineForm.js';
import {
  dedupPatch,
  desktopThemes,
  embeddedEnabledPatch,
  engineViewChoices,
  engineViewPatch,
  notificationToggles,
  reopenWallsPatch,
  startAtLoginPatch,
  themePatch,
  togglePatch,
} from '../../renderer/views/settings/settingsPatches.js';
import { displayLabel, proposedDisplay } from '../../renderer/views/settings/wallDisplays.js';
import {
  applySettingsPatch,
  defaultSettings,
  SettingsPatch,
  type WallWindowSetting,
} from '../../shared/ipc/desktopSettings.js';
import type { DisplayView } from '../../shared/ipc/ipcViews.js';
import { now, testStore } from './fixtures.js';
import { engineView, fakeDesktopApi } from './fakeDesktopApi.js';

/** A patch as main would take it: valid for the contract's strict schema, then applied. */
const applied = (patch: SettingsPatch) =>
  applySettingsPatch(defaultSettings(), SettingsPatch.parse(patch));

describe('each settings control sends one field', () => {
  it('notification switches', () => {
    expect(notificationToggles.map((t) => t.field)).toEqual([
      'enabled',
      'allHighAlerts',
      'soundForHigh',
    ]);
    expect(togglePatch('soundForHigh', false)).toEqual({ notifications: { soundForHigh: false } });
    expect(applied(togglePatch('allHighAlerts', false)).notifications).toMatchObject({
      allHighAlerts: false,
      enabled: true,
      soundForHigh: true,
    });
  });

  it('the de-duplication window takes whole minutes from 1 to 1440', () => {
    expect(dedupPatch(' 15 ')).toEqual({ patch: { notifications: { dedupMinutes: 15 } } });
    for (const bad of ['0', '1441', '2.5', '', 'ten', '-3']) {
      expect(dedupPatch(bad)).toEqual({ error: expect.stringMatching(/from 1 to 1440/) });
    }
  });

  it('start at login, wall windows, theme, embedded engine', () => {
    expect(applied(startAtLoginPatch(true)).startAtLogin).toBe(true);
    expect(applied(reopenWallsPatch(false)).wall.reopenAtStart).toBe(false);
    expect(desktopThemes.map((t) => t.value)).toEqual(['system', 'dark', 'light']);
    expect(applied(themePatch('light')).theme).toBe('light');
    expect(applied(embeddedEnabledPatch(false)).engines.embedded).toEqual({
      enabled: false,
      port: 7070,
    });
  });

  it('open on: one engine or all engines, saved as engines.view', () => {
    expect(defaultSettings().engines.view).toBe('all');
    expect(engineViewChoices.map((c) => c.value)).toEqual(['one', 'all']);
    expect(engineViewPatch('one')).toEqual({ engines: { view: 'one' } });
    const one = applied(engineViewPatch('one')).engines;
    expect(one).toMatchObject({ view: 'one', selectedEngineId: null, embedded: { enabled: true } });
  });

  it('a save puts main’s answer in the store, or returns the sentence', async () => {
    const fake = fakeDesktopApi();
    const store = testStore();
    expect(await saveDesktopSettings(store, fake.api, startAtLoginPatch(true))).toBeNull();
    expect(fake.callsOf('updateSettings')).toEqual([{ patch: { startAtLogin: true } }]);
    expect(store.getState().desktop?.settings?.startAtLogin).toBe(true);
    fake.failNext('updateSettings', { code: 'invalid_argument', message: 'theme: bad value' });
    expect(await saveDesktopSettings(store, fake.api, themePatch('dark'))).toBe(
      'Not saved: theme: bad value.',
    );
    expect(store.getState().desktop?.settings?.theme).toBe('system');
  });

  it('error sentences end once, and say something even without a message', () => {
    expect(desktopErrorSentence({ code: 'x', message: 'Already there.' }, 'Not added')).toBe(
      'Not added: Already there.',
    );
    expect(desktopErrorSentence({ code: 'internal', message: ' ' })).toBe(
      'Not saved: the desktop app answered internal.',
    );
  });
});

describe('pausing notifications', () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  it('offers 30 minutes, 1 hour and until resumed', () => {
    expect(pauseChoices.map((c) => c.minutes)).toEqual([30, 60, null]);
  });

  it('says the current pause, and that a timed one has ended', () => {
    expect(pauseText(null, now)).toBeNull();
    expect(pauseText({ paused: false, pausedUntil: null }, now)).toBe('Notifications are on.');
    expect(pauseText({ paused: true, pausedUntil: null }, now)).toMatch(/until you resume/);
    const until = { paused: true, pausedUntil: iso(now + 30 * 60_000) };
    expect(pauseText(until, now, 'UTC')).toBe('Notifications are paused until 09:44.');
    expect(isPausedNow(until, now + 31 * 60_000)).toBe(false);
    expect(pauseText(until, now + 31 * 60_000)).toBe('Notifications are on.');
  });
});

describe('adding a remote engine', () => {
  it('checks name, address and token before asking main', () => {
    const good = { label: ' Paris NOC ', url: ' https://noc.example.com ', token: ' noc_1 ' };
    expect(checkRemoteEngine(good)).toEqual({
      ok: true,
      value: { label: 'Paris NOC', url: 'https://noc.example.com', token: 'noc_1' },
    });
    expect(checkRemoteEngine({ ...good, label: ' ' })).toMatchObject({ ok: false });
    expect(checkRemoteEngine({ ...good, label: 'x'.repeat(61) })).toMatchObject({ ok: false });
    expect(checkRemoteEngine({ ...good, url: 'ftp://noc' })).toEqual({
      ok: false,
      error: 'The address is not a URL such as https://nocturne.example.com.',
    });
    expect(checkRemoteEngine({ ...good, token: '' })).toMatchObject({ ok: false });
  });
});

describe('engines in words and the choice', () => {
  const engines = [engineView('embedded'), engineView('remote-a', { status: 'reconnecting' })];

  it('chooses the remembered engine, else the default, else the first', () => {
    expect(chooseEngine(engines, 'remote-a', 'embedded')?.id).toBe('remote-a');
    expect(chooseEngine(engines, 'remote-gone', 'embedded')?.id).toBe('embedded');
    expect(chooseEngine(engines, null, 'remote-gone')?.id).toBe('embedded');
    expect(chooseEngine([], 'remote-a', 'embedded')).toBeNull();
  });

  it('opens on All engines only when the setting says all and there are two engines', () => {
    expect(opensOnAllEngines('all', 2)).toBe(true);
    expect(opensOnAllEngines('all', 1)).toBe(false);
    expect(opensOnAllEngines('all', 0)).toBe(false);
    expect(opensOnAllEngines('one', 3)).toBe(false);
    expect(opensOnAllEngines(undefined, 3)).toBe(false);
  });

  it('labels an engine with its state and pending count', () => {
    expect(engineStatusText(engines[1]!)).toBe('reconnecting…');
    expect(engineOptionLabel(engineView('embedded', { pendingOverall: 3 }))).toBe(
      'This computer — live · 3 pending',
    );
    expect(engineOptionLabel(engineView('remote-b', { status: 'unauthorized' }))).toBe(
      'Engine remote-b — token refused',
    );
  });
});

describe('wall displays', () => {
  const display = (id: number, primary: boolean): DisplayView => ({
    id,
    label: primary ? 'Built-in' : '',
    primary,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  });
  const wall = (displayId: number): WallWindowSetting => ({
    id: `wall-${displayId}`,
    displayId,
    bounds: null,
    kiosk: true,
  });

  it('names each display with its size and walls', () => {
    expect(displayLabel(display(1, true), [])).toBe('Built-in — 1920×1080, primary');
    expect(displayLabel(display(2, false), [wall(2)])).toBe('Display 2 — 1920×1080, 1 wall');
  });

  it('proposes a display without a wall, other than the primary', () => {
    const displays = [display(1, true), display(2, false), display(3, false)];
    expect(proposedDisplay(displays, [])).toBe(2);
    expect(proposedDisplay(displays, [wall(2)])).toBe(3);
    expect(proposedDisplay(displays, [wall(2), wall(3)])).toBe(1);
    expect(proposedDisplay(displays, [wall(1), wall(2), wall(3)])).toBe(1);
    expect(proposedDisplay([], [])).toBeNull();
  });
});
