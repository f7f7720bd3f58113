import { existsSync, readFileSync, renameSync } from 'node:fs';
import { DesktopSettings, defaultSettings } from '../../shared/ipc/desktopSettings.js';
import { writeFileAtomic } from '../storage/atomicFile.js';

export interface LoadedSettings {
  readonly settings: DesktopSettings;
  /** Set when the file was unreadable: where the bad file was moved, and why. */
  readonly problem: { readonly backup: string; readonly reason: string } | null;
}

/**
 * Reads settings.json. A missing file gives the defaults; a corrupt or invalid one gives the
 * defaults too, after moving it aside as `settings.json.corrupt-<time>` so nothing the user had
 * is destroyed and the app still starts (never a crash over a settings file).
 */
export function loadSettings(file: string, now: () => Date = () => new Date()): LoadedSettings {
  if (!existsSync(file)) return { settings: defaultSettings(), problem: null };
  let reason: string;
  try {
    const parsed = DesktopSettings.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { settings: parsed.data, problem: null };
    reason = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
      .join('; ');
  } catch (error) {
    reason = (error as Error).message;
  }
  const backup = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, backup);
  return { settings: defaultSettings(), problem: { backup, reason } };
}

export function saveSettings(file: string, settings: DesktopSettings): void {
  writeFileAtomic(file, `${JSON.stringify(DesktopSettings.parse(settings), null, 2)}\n`);
}
