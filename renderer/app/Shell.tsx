import type { ReactNode } from 'react';
import { Notices } from '../components/Notices.js';
import { StatusPill } from '../components/StatusPill.js';
import { Link } from './Link.js';
import { visibleSections } from './navSections.js';
import { useAppStore, useServices } from './services.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { EngineSwitcher } from './EngineSwitcher.js';

/**
 * The console's chrome: navigation, the connection state, who is signed in. In the desktop app:
 * the engine shown (and the switch to another), and no sign-out (the app holds the tokens).
 */
export function Shell(props: { children: ReactNode }) {
  const current = useAppStore((s) => s.ui.route.name);
  const userName = useAppStore((s) => s.session.user?.name ?? null);
  const role = useAppStore((s) => s.session.user?.effectiveRole ?? null);
  const engineCount = useAppStore((s) => s.desktop?.engines.length ?? 0);
  const { session, desktop } = useServices();
  return (
    <div className="shell">
      <header className="shell__header">
        <span className="shell__brand">Nocturne</span>
        <nav className="shell__nav" aria-label="Sections">
          {visibleSections(desktop ? engineCount : null).map((section) => {
            const active = section.matches.includes(current);
            return (
              <Link
                key={section.label}
                to={section.route}
                className={`shell__nav-link${active ? ' is-active' : ''}`}
                aria-current={active ? 'page' : undefined}
              >
                {section.label}
              </Link>
            );
          })}
        </nav>
        <span className="shell__spacer" />
        {desktop && <EngineSwitcher />}
        <StatusPill />
        {userName && (
          <span className="shell__user" title={role ? `role: ${role}` : undefined}>
            {userName}
          </span>
        )}
        {!desktop && (
          <button type="button" className="button button--quiet" onClick={() => session.signOut()}>
            Sign out
          </button>
        )}
      </header>
      <ConnectionBanner />
      <main className="shell__main">{props.children}</main>
      <Notices />
    </div>
  );
}
