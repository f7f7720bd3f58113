import { useActions, useAppStore } from '../../app/services.js';
import { useNow } from '../../components/useNow.js';
import { isPausedNow, pauseChoices, pauseText } from './notificationPause.js';
import { SettingsError } from './SettingsError.js';
import { useDesktopCall } from './useDesktopCall.js';

/** Do-not-disturb, as in the tray's menu: the current pause, pause for a while, resume. */
export function PauseControls() {
  const pause = useAppStore((s) => s.desktop?.pause ?? null);
  const now = useNow(15_000);
  const { api, run, error, busy } = useDesktopCall();
  const { setDesktop } = useActions();
  const text = pauseText(pause, now);
  const paused = isPausedNow(pause, now);
  const pauseFor = async (minutes: 30 | 60 | null) => {
    const view = await run(() => api.pauseNotifications({ minutes }), 'Not paused');
    if (view) setDesktop({ pause: view });
  };
  const resume = async () => {
    const view = await run(() => api.resumeNotifications({}), 'Not resumed');
    if (view) setDesktop({ pause: view });
  };
  return (
    <div className="settings__pause" role="group" aria-label="Pause notifications">
      {text && (
        <p data-testid="notification-pause" data-paused={paused}>
          {text}
        </p>
      )}
      {pauseChoices.map((choice) => (
        <button
          key={choice.label}
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void pauseFor(choice.minutes)}
        >
          {choice.label}
        </button>
      ))}
      <button
        type="button"
        className="button"
        disabled={busy || (pause !== null && !paused)}
        onClick={() => void resume()}
      >
        Resume
      </button>
      <SettingsError error={error} />
    </div>
  );
}
