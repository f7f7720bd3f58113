import { useShallow } from 'zustand/react/shallow';
import { useActions, useAppStore, useServices } from '../../app/services.js';
import { Placeholder } from '../../components/Placeholder.js';
import { formatDateTime } from '../../format/clock.js';

/** This console's own settings: theme, the session, the connection's details. */
export function SettingsView() {
  const theme = useAppStore((s) => s.ui.theme);
  const session = useAppStore(useShallow((s) => s.session));
  const connection = useAppStore(useShallow((s) => s.connection));
  const position = useAppStore((s) => s.sync.position);
  const { setTheme } = useActions();
  const { session: controller } = useServices();
  return (
    <Placeholder title="Settings" testId="settings">
      <fieldset className="settings__group">
        <legend>Theme</legend>
        {(['dark', 'light'] as const).map((t) => (
          <label key={t} className="settings__choice">
            <input
              type="radio"
              name="theme"
              value={t}
              checked={theme === t}
              onChange={() => setTheme(t)}
            />
            {t === 'dark' ? 'Dark' : 'Light'}
          </label>
        ))}
      </fieldset>
      <dl className="detail__fields">
        <div>
          <dt>Engine</dt>
          <dd>{session.engineUrl}</dd>
        </div>
        <div>
          <dt>Signed in as</dt>
          <dd>
            {session.user ? `${session.user.name} (${session.user.effectiveRole})` : 'unknown yet'}
          </dd>
        </div>
        <div>
          <dt>Connection</dt>
          <dd>
            {connection.state} since {formatDateTime(connection.since)}
            {connection.error ? ` — ${connection.error.message}` : ''}
          </dd>
        </div>
        <div>
          <dt>Stream position</dt>
          <dd>{position ? `${position.seq} (stream ${position.streamId})` : 'none yet'}</dd>
        </div>
      </dl>
      <button type="button" className="button" onClick={() => controller.signOut()}>
        Sign out (forget the token on this machine)
      </button>
      <p>Coming here: notification rules, sound on this screen, your API tokens.</p>
    </Placeholder>
  );
}
