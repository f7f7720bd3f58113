import { z } from 'zod';

/**
 * The desktop app's settings (docs/desktop.md, "Settings"): the JSON file main keeps in the
 * user-data folder, and what the console's settings view reads and patches over IPC. Every
 * object uses `prefault({})`, so a file written by an older version (a section missing) parses
 * to the defaults of what is missing instead of being thrown away.
 */

export const Rect = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(16_384),
  height: z.number().int().min(150).max(16_384),
});
export type Rect = z.infer<typeof Rect>;

/** Where a window was: the display it was on (Electron's display id) and its bounds there. */
export const WindowPlacement = z.object({
  displayId: z.number().int().nullable(),
  bounds: Rect.nullable(),
});
export type WindowPlacement = z.infer<typeof WindowPlacement>;

export const WallWindowSetting = WindowPlacement.extend({
  id: z.string().min(1).max(64),
  /** Kiosk (no way out but the tray) rather than plain fullscreen. */
  kiosk: z.boolean().default(true),
});
export type WallWindowSetting = z.infer<typeof WallWindowSetting>;

/** A remote engine. The token is only ever stored encrypted by Electron's safeStorage. */
export const RemoteEngineSetting = z.object({
  id: z.string().regex(/^remote-[a-z0-9-]{1,40}$/),
  label: z.string().min(1).max(60),
  url: z.string().max(2000),
  /** base64 of `safeStorage.encryptString(token)`. */
  tokenCiphertext: z.string().min(1),
});
export type RemoteEngineSetting = z.infer<typeof RemoteEngineSetting>;

export const NotificationPreferences = z
  .object({
    /** Master switch for OS notifications (the tray keeps counting either way). */
    enabled: z.boolean().default(true),
    /** Also notify every new HIGH alert, not only those that reach me (wall screens, leads). */
    allHighAlerts: z.boolean().default(true),
    soundForHigh: z.boolean().default(true),
    /** Repeated events of one alert within this many minutes raise one notification. */
    dedupMinutes: z.number().int().min(1).max(1440).default(10),
  })
  .prefault({});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const DesktopSettings = z.object({
  schemaVersion: z.literal(1).default(1),
  engines: z
    .object({
      embedded: z
        .object({
          enabled: z.boolean().default(true),
          /** 7070 like `nocturne serve`; 0: any free port (taken when 7070 is busy anyway). */
          port: z.number().int().min(0).max(65_535).default(7070),
        })
        .prefault({}),
      remotes: z.array(RemoteEngineSetting).max(20).default([]),
      /** `all`: one queue with alerts labelled by engine; `one`: only `selectedEngineId`. */
      view: z.enum(['all', 'one']).default('all'),
      selectedEngineId: z.string().nullable().default(null),
    })
    .prefault({}),
  notifications: NotificationPreferences,
  wall: z
    .object({
      windows: z.array(WallWindowSetting).max(16).default([]),
      /** Open the wall windows that were open at quit again at the next start. */
      reopenAtStart: z.boolean().default(true),
    })
    .prefault({}),
  consoleWindow: WindowPlacement.nullable().default(null),
  startAtLogin: z.boolean().default(false),
  theme: Theme.default('system'),
});
export type DesktopSettings = z.infer<typeof DesktopSettings>;

/** The settings as the renderer sees them: no ciphertexts cross IPC. */
export type DesktopSettingsView = Omit<DesktopSettings, 'engines'> & {
  readonly engines: Omit<DesktopSettings['engines'], 'remotes'> & {
    readonly remotes: readonly {
      readonly id: string;
      readonly label: string;
      readonly url: string;
    }[];
  };
};

/** What the settings view may change (engines are added and removed by their own messages). */
export const SettingsPatch = z.strictObject({
  notifications: z
    .strictObject({
      enabled: z.boolean(),
      allHighAlerts: z.boolean(),
      soundForHigh: z.boolean(),
      dedupMinutes: z.number().int().min(1).max(1440),
    })
    .partial()
    .optional(),
  engines: z
    .strictObject({
      embedded: z
        .strictObject({ enabled: z.boolean(), port: z.number().int().min(0).max(65_535) })
        .partial(),
      view: z.enum(['all', 'one']),
      selectedEngineId: z.string().max(64).nullable(),
    })
    .partial()
    .optional(),
  wall: z.strictObject({ reopenAtStart: z.boolean() }).partial().optional(),
  startAtLogin: z.boolean().optional(),
  theme: Theme.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export function defaultSettings(): DesktopSettings {
  return DesktopSettings.parse({});
}

/** Applies a validated patch; the result is parsed again, so it is always a valid whole. */
export function applySettingsPatch(
  settings: DesktopSettings,
  patch: SettingsPatch,
): DesktopSettings {
  return DesktopSettings.parse({
    ...settings,
    ...(patch.startAtLogin !== undefined ? { startAtLogin: patch.startAtLogin } : {}),
    ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
    notifications: { ...settings.notifications, ...patch.notifications },
    wall: { ...settings.wall, ...patch.wall },
    engines: {
      ...settings.engines,
      ...patch.engines,
      embedded: { ...settings.engines.embedded, ...patch.engines?.embedded },
    },
  });
}

export function settingsView(settings: DesktopSettings): DesktopSettingsView {
  return {
    ...settings,
    engines: {
      ...settings.engines,
      remotes: settings.engines.remotes.map(({ id, label, url }) => ({ id, label, url })),
    },
  };
}
