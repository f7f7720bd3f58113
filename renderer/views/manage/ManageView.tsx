import { Link } from '../../app/Link.js';
import type { ManageSection } from '../../app/routes.js';
import '../../styles/manage.css';
import { useManageAccess } from './manageServices.js';
import { EscalationPoliciesPage } from './policies/EscalationPoliciesPage.js';
import { AlertSourcesPage } from './sources/AlertSourcesPage.js';
import { TeamsPage } from './teams/TeamsPage.js';
import { UsersPage } from './users/UsersPage.js';

const tabs: ReadonlyArray<{ section: ManageSection; label: string }> = [
  { section: 'alert-sources', label: 'Alert sources' },
  { section: 'escalation-policies', label: 'Escalation policies' },
  { section: 'users', label: 'Users' },
  { section: 'teams', label: 'Teams' },
];

/**
 * `/manage/…`: alert sources, escalation policies and users, so a new team sets up without the
 * API (issue #4). Lists come live from the stream; changes go through the transport's REST calls.
 */
export function ManageView(props: { section: ManageSection }) {
  const access = useManageAccess();
  return (
    <section className="manage" data-testid="manage">
      <header className="manage__header">
        <h1>Manage</h1>
        <nav className="manage__tabs" aria-label="Manage">
          {tabs.map((tab) => (
            <Link
              key={tab.section}
              to={{ name: 'manage', section: tab.section }}
              className={`manage__tab${tab.section === props.section ? ' is-active' : ''}`}
              aria-current={tab.section === props.section ? 'page' : undefined}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      </header>
      {access.readOnlyReason && (
        <p className="manage__readonly" data-testid="manage-readonly">
          {access.readOnlyReason}
        </p>
      )}
      {props.section === 'alert-sources' && <AlertSourcesPage />}
      {props.section === 'escalation-policies' && <EscalationPoliciesPage />}
      {props.section === 'users' && <UsersPage />}
      {props.section === 'teams' && <TeamsPage />}
    </section>
  );
}
