/** What a wall screen shows and how: from its address (`/wall?schedules=1,2&rotate=20`), else
 * from what this browser kept, else the defaults. */
export interface WallSettings {
  /** Schedules whose on-call person is shown; empty: every schedule. */
  readonly scheduleIds: readonly string[];
  /** Seconds each panel stays before the next (0: no rotation). */
  readonly rotateSeconds: number;
  /** Whether a new HIGH alert beeps (the browser still needs one click to allow audio). */
  readonly sound: boolean;
}

export const defaultWallSettings: WallSettings = {
  scheduleIds: [],
  rotateSeconds: 20,
  sound: true,
};

const storageKey = 'nocturne.wall';

/** The part of `localStorage` used here: injected, so tests run without a DOM. */
export interface WallStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function parseIds(text: string): string[] {
  return [...new Set(text.split(',').map((id) => id.trim()))].filter((id) => /^\d{1,15}$/.test(id));
}

function parseRotate(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 3600 ? (n > 0 && n < 5 ? 5 : n) : null;
}

function parseSound(text: string): boolean | null {
  return text === 'on' || text === '1' ? true : text === 'off' || text === '0' ? false : null;
}

function fromParams(params: URLSearchParams, base: WallSettings): WallSettings {
  const schedules = params.get('schedules');
  const rotate = params.get('rotate');
  const sound = params.get('sound');
  return {
    scheduleIds: schedules === null ? base.scheduleIds : parseIds(schedules),
    rotateSeconds: (rotate === null ? null : parseRotate(rotate)) ?? base.rotateSeconds,
    sound: (sound === null ? null : parseSound(sound)) ?? base.sound,
  };
}

function fromStorage(storage: WallStorage | null): WallSettings {
  try {
    const text = storage?.getItem(storageKey);
    if (!text) return defaultWallSettings;
    const value = JSON.parse(text) as Record<string, unknown>;
    return fromParams(
      new URLSearchParams({
        schedules: Array.isArray(value.scheduleIds) ? value.scheduleIds.join(',') : '',
        rotate: String(value.rotateSeconds ?? ''),
        sound: value.sound === false ? 'off' : 'on',
      }),
      defaultWallSettings,
    );
  } catch {
    return defaultWallSettings; // unreadable or blocked storage: the defaults
  }
}

/**
 * The settings of this wall: the address's parameters over what was kept. What the address
 * sets is kept, so the screen still shows the same after a reload without them.
 */
export function loadWallSettings(search: string, storage: WallStorage | null): WallSettings {
  const settings = fromParams(new URLSearchParams(search), fromStorage(storage));
  try {
    storage?.setItem(storageKey, JSON.stringify(settings));
  } catch {
    // Private mode or a full storage: the address still carries the settings.
  }
  return settings;
}

/** The query string that gives these settings (for a link to a wall set up the same way). */
export function wallQuery(settings: WallSettings): string {
  const params = new URLSearchParams();
  if (settings.scheduleIds.length > 0) params.set('schedules', settings.scheduleIds.join(','));
  params.set('rotate', String(settings.rotateSeconds));
  params.set('sound', settings.sound ? 'on' : 'off');
  return `?${params.toString().replaceAll('%2C', ',')}`;
}
