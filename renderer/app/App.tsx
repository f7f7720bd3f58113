import { useEffect, useLayoutEffect } from 'react';
import { SignInView } from '../views/signIn/SignInView.js';
import { RouteView } from './RouteView.js';
import { isChromeless } from './routes.js';
import { DesktopStartView } from './DesktopStartView.js';
import { useAppStore, useServices } from './services.js';
import { Shell } from './Shell.js';
import { markPhase } from '../startupPhases.js';

/**
 * Signed out: the sign-in form (in the desktop app: its engines instead). Signed in: the route's
 * view, in the chrome unless on the wall.
 */
export function App() {
  const { desktop } = useServices();
  const phase = useAppStore((s) => s.session.phase);
  const theme = useAppStore((s) => s.ui.theme);
  const chromeless = useAppStore((s) => isChromeless(s.ui.route));
  useLayoutEffect(() => markPhase('firstRender'), []);
  useEffect(() => {
    // An attribute, not inline styles: the CSP allows no inline style elements.
    document.documentElement.dataset.theme = chromeless ? 'dark' : theme;
  }, [theme, chromeless]);
  if (phase !== 'signedIn') return desktop ? <DesktopStartView /> : <SignInView />;
  if (chromeless) return <RouteView />;
  return (
    <Shell>
      <RouteView />
    </Shell>
  );
}
