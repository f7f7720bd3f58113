import { useServices } from '../../app/services.js';
import { Placeholder } from '../../components/Placeholder.js';
import { ConnectionDetails } from './ConnectionDetails.js';
import { DesktopSettingsSections } from './DesktopSettingsSections.js';
import { ThemeSection } from './ThemeSection.js';

/**
 * Settings. In a browser: this console's theme, the session, the connection's details. In the
 * desktop app: its engines, notifications, wall screens, start at login and theme, then the
 * connection's details (no sign-out: the app holds the engines' tokens).
 */
export function SettingsView() {
  const { session: controller, desktop } = useServices();
  if (desktop) {
    return (
      <Placeholder title="Settings" testId="settings">
        <DesktopSettingsSections />
        <ConnectionDetails />
      </Placeholder>
    );
  }
  return (
    <Placeholder title="Settings" testId="settings">
      <ThemeSection />
      <ConnectionDetails />
      <button type="button" className="button" onClick={() => controller.signOut()}>
        Sign out (forget the token on this machine)
      </button>
      <p>Coming here: notification rules, sound on this screen, your API tokens.</p>
    </Placeholder>
  );
}
