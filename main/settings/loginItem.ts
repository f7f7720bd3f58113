import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * "Start at login". Electron's app.setLoginItemSettings covers macOS and Windows only; on Linux
 * the desktop's XDG autostart folder does it: a .desktop file that starts this very executable
 * (the AppImage when running from one, whose path survives updates of its mount point).
 */
export function linuxAutostartEntry(executable: string, args: readonly string[]): string {
  const quote = (part: string) => `"${part.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Nocturne',
    'Comment=Alert console for NOC operators',
    `Exec=${[executable, ...args].map(quote).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export function setLinuxAutostart(
  enabled: boolean,
  executable: string,
  args: readonly string[],
  configHome = process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
): void {
  const dir = join(configHome, 'autostart');
  const file = join(dir, 'nocturne.desktop');
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, linuxAutostartEntry(executable, args));
}
