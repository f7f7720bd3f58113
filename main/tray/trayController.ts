import { join } from 'node:path';
import {
  Menu,
  Tray,
  nativeImage,
  type MenuItemConstructorOptions,
} from '../platform/electronApi.js';
import type { PauseState } from '../notifications/pauseState.js';
import { chooseBadge, type TrayCounts } from './trayBadge.js';
import { trayMenu, type TrayAction, type TrayMenuItem } from './trayMenu.js';

export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  run: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) =>
    item.separator
      ? { type: 'separator' }
      : {
          label: item.label,
          enabled: item.enabled ?? true,
          ...(item.checked !== undefined ? { type: 'checkbox', checked: item.checked } : {}),
          ...(item.action ? { click: () => run(item.action!) } : {}),
        },
  );
}

/**
 * The tray icon: the badge PNG for the current counts (resources/tray/), a tooltip with both
 * counts, and the menu. Redrawn only when what it shows changes.
 */
export class TrayController {
  private readonly tray: Tray;
  private lastKey = '';

  constructor(
    private readonly trayIconDir: string,
    private readonly run: (action: TrayAction) => void,
  ) {
    this.tray = new Tray(this.icon('tray-none'));
    this.tray.on('click', () => run({ type: 'openConsole' }));
  }

  update(counts: TrayCounts, pause: PauseState): void {
    const badge = chooseBadge(counts, pause.kind !== 'active');
    const key = JSON.stringify([counts, pause]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.tray.setImage(this.icon(badge.iconName));
    this.tray.setToolTip(badge.tooltip);
    this.tray.setContextMenu(
      Menu.buildFromTemplate(toMenuTemplate(trayMenu(counts, pause), this.run)),
    );
  }

  destroy(): void {
    this.tray.destroy();
  }

  private icon(name: string) {
    // The @2x file next to it is picked up by nativeImage for high-density displays.
    return nativeImage.createFromPath(join(this.trayIconDir, `${name}.png`));
  }
}
