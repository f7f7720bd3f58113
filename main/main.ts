import { app } from './platform/electronApi.js';
import { startDesktopApp } from './desktopApp.js';
import { registerAppScheme } from './windows/appProtocol.js';

/**
 * The Electron main process's entry (package.json "main": dist/main/main.js). One instance per
 * user: a second start only brings the first one's console forward (the embedded engine's data
 * directory can have one owner).
 */
if (process.env.NOCTURNE_USER_DATA_DIR) app.setPath('userData', process.env.NOCTURNE_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.setAppUserModelId('org.nocturne.desktop');
  app
    .whenReady()
    .then(startDesktopApp)
    .catch((error: unknown) => {
      process.stderr.write(
        `nocturne: could not start: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      app.exit(1);
    });
}
