import { join } from 'node:path';

/**
 * Where the app's files are, from the app's root (`app.getAppPath()`: the project in development,
 * `resources/app` when packaged — asar is off, see electron-builder.yml).
 */
export function appPaths(appRoot: string) {
  return {
    preload: join(appRoot, 'dist', 'preload', 'preload.cjs'),
    renderer: join(appRoot, 'dist', 'renderer'),
    trayIcons: join(appRoot, 'resources', 'tray'),
    windowIcon: join(appRoot, 'resources', 'icons', '512x512.png'),
    notificationIcon: join(appRoot, 'resources', 'icons', '128x128.png'),
  };
}

/** Under userData: settings, the embedded engine and its token, the offline planning database. */
export function dataPaths(userData: string) {
  return {
    settings: join(userData, 'settings.json'),
    embeddedToken: join(userData, 'embedded-engine-token.json'),
    planning: join(userData, 'planning.sqlite'),
  };
}
