import { EnginesSection } from '../views/settings/EnginesSection.js';
import { useAppStore } from './services.js';
import '../views/settings/settings.css';

/**
 * The desktop app's window before an engine is shown: reading the app's engines, or — none
 * running or set up — why, with the engines section to add a remote one (the browser's sign-in
 * form has no place here: the app holds the tokens).
 */
export function DesktopStartView() {
  const phase = useAppStore((s) => s.session.phase);
  const error = useAppStore((s) => s.session.error);
  return (
    <main className="sign-in" data-testid="desktop-start">
      <div className="settings">
        <h1>Nocturne</h1>
        {phase === 'signingIn' ? (
          <p role="status">Connecting to the app’s engines…</p>
        ) : (
          <>
            {error && (
              <p className="settings__error" role="alert" data-code={error.code}>
                {error.message}
              </p>
            )}
            <EnginesSection />
          </>
        )}
      </div>
    </main>
  );
}
