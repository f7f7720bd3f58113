import { describe, expect, it } from 'vitest';
import { bootstrapDesktop } from '../../renderer/app/desktopBootstrap.js';
import { bindDesktopTheme, rendererTheme } from '../../renderer/app/desktopTheme.js';
import type { DesktopSettingsView } from '../../shared/ipc/desktopSettings.js';
import { settingsView, defaultSettings } from '../../shared/ipc/desktopSettings.js';
import { testStore } from './fixtures.js';
import { engineView, fakeDesktopApi } from './fakeDesktopApi.js';

/** `prefers-color-scheme: dark` whose answer the test changes. */
function colorScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  return {
    get matches() {
      return dark;
    },
    addEventListener: (_: 'change', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'change', l: () => void) => void listeners.delete(l),
    change(next: boolean) {
      dark = next;
      listeners.forEach((l) => l());
    },
  };
}

/** Just enough of a Window for the bootstrap: address, history, storage, media queries. */
function fakeWindow(path: string) {
  const data = new Map<string, string>();
  const media = colorScheme(true);
  const win = {
    location: { pathname: path, origin: 'app://nocturne', href: `app://nocturne${path}` },
    history: { state: null, pushState: () => undefined, replaceState: () => undefined },
    localStorage: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    matchMedia: () => media,
  };
  return { win: win as unknown as Window, media };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('bootstrapDesktop', () => {
  it('opens on the remembered engine with no sign-in, and fills services.desktop', async () => {
    const fake = fakeDesktopApi({
      engines: [engineView('embedded'), engineView('remote-paris')],
      settings: { engines: { selectedEngineId: 'remote-paris' }, theme: 'light' },
    });
    const { win } = fakeWindow('/settings');
    const services = bootstrapDesktop(win, fake.api);
    expect(services.store.getState().session.phase).toBe('signingIn');
    await settle();
    await settle();
    const state = services.store.getState();
    expect(state.session).toMatchObject({
      phase: 'signedIn',
      engineUrl: 'https://remote-paris.example.com',
    });
    expect(state.ui.route).toEqual({ name: 'settings' });
    expect(state.ui.theme).toBe('light');
    expect(services.desktop?.api).toBe(fake.api);
    expect(services.desktop?.engineId()).toBe('remote-paris');
    expect(services.session.transport).not.toBeNull();
    expect(await services.session.signIn('http://x', 'noc_x')).toBe(false);

    expect(await services.desktop?.selectEngine('embedded')).toBeNull();
    expect(services.desktop?.engineId()).toBe('embedded');
    expect(fake.settings.engines.selectedEngineId).toBe('embedded');
  });
});

describe('the settings’ engines.view at start', () => {
  const start = async (
    path: string,
    view: 'all' | 'one',
    engines = [engineView('embedded'), engineView('remote-paris')],
  ) => {
    const fake = fakeDesktopApi({ engines, settings: { engines: { view } } });
    const { win } = fakeWindow(path);
    const replaced: unknown[] = [];
    win.history.replaceState = (_state, _title, url) => void replaced.push(url);
    const services = bootstrapDesktop(win, fake.api);
    await settle();
    await settle();
    return { services, fake, replaced };
  };

  it('all, with two engines: opens All engines instead of the queue', async () => {
    const { services, fake, replaced } = await start('/', 'all');
    expect(services.store.getState().ui.route).toEqual({ name: 'allEngines' });
    expect(replaced).toContain('/all-engines');
    // The engine shown behind it is still the remembered or default one, and nothing is saved.
    expect(services.desktop?.engineId()).toBe('embedded');
    expect(fake.callsOf('updateSettings')).toEqual([]);
  });

  it('one, or all with a single engine: the queue', async () => {
    const one = await start('/', 'one');
    expect(one.services.store.getState().ui.route).toEqual({ name: 'alerts' });
    const single = await start('/', 'all', [engineView('embedded')]);
    expect(single.services.store.getState().ui.route).toEqual({ name: 'alerts' });
  });

  it('a window opened on another page stays there', async () => {
    const { services } = await start('/planning', 'all');
    expect(services.store.getState().ui.route).toEqual({ name: 'planning' });
  });

  it('a page chosen before the engines were known stays chosen', async () => {
    const fake = fakeDesktopApi({
      engines: [engineView('embedded'), engineView('remote-paris')],
      settings: { engines: { view: 'all' } },
    });
    const services = bootstrapDesktop(fakeWindow('/').win, fake.api);
    services.store.getState().navigate({ name: 'schedules' });
    await settle();
    await settle();
    expect(services.store.getState().ui.route).toEqual({ name: 'schedules' });
  });
});

describe('the theme follows the desktop setting, and the other way round', () => {
  it('maps system to the operating system’s scheme', () => {
    expect(rendererTheme('system', true)).toBe('dark');
    expect(rendererTheme('system', false)).toBe('light');
    expect(rendererTheme('light', true)).toBe('light');
  });

  it('applies the setting, follows the system, and saves a theme the console changed', () => {
    const store = testStore();
    const media = colorScheme(true);
    const saved: string[] = [];
    bindDesktopTheme(store, (theme) => saved.push(theme), media);
    const settings = (theme: DesktopSettingsView['theme']) =>
      store.getState().setDesktop({ settings: { ...settingsView(defaultSettings()), theme } });

    settings('light');
    expect(store.getState().ui.theme).toBe('light');
    settings('system');
    expect(store.getState().ui.theme).toBe('dark');
    media.change(false);
    expect(store.getState().ui.theme).toBe('light');
    expect(saved).toEqual([]); // following the setting saves nothing

    store.getState().setTheme('dark');
    expect(saved).toEqual(['dark']);
  });
});
