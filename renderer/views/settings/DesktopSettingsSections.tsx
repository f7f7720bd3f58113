import { useAppStore } from '../../app/services.js';
import { EnginesSection } from './EnginesSection.js';
import { NotificationsSection } from './NotificationsSection.js';
import { OpenOnSection } from './OpenOnSection.js';
import { StartupSection } from './StartupSection.js';
import { DesktopThemeSection } from './ThemeSection.js';
import { WallSection } from './WallSection.js';
import './settings.css';

/** The desktop app's settings: every change goes through `updateSettings` (or its own call). */
export function DesktopSettingsSections() {
  const settings = useAppStore((s) => s.desktop?.settings ?? null);
  const engineCount = useAppStore((s) => s.desktop?.engines.length ?? 0);
  return (
    <div className="settings" data-testid="desktop-settings">
      <EnginesSection />
      {settings ? (
        <>
          <OpenOnSection view={settings.engines.view} engineCount={engineCount} />
          <NotificationsSection prefs={settings.notifications} />
          <WallSection walls={settings.wall.windows} reopenAtStart={settings.wall.reopenAtStart} />
          <StartupSection startAtLogin={settings.startAtLogin} />
          <DesktopThemeSection theme={settings.theme} />
        </>
      ) : (
        <p>Reading the app’s settings…</p>
      )}
    </div>
  );
}
