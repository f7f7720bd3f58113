import { Placeholder } from '../../components/Placeholder.js';

/** Alert sources, escalation policies and users: being built on this route (issue #4). */
export function ManageView() {
  return (
    <Placeholder title="Manage" testId="manage">
      <p>
        Coming here: alert sources with their integration keys and copy-paste examples (curl,
        Alertmanager, PagerDuty-style senders), escalation policies and users — so that a new team
        can set up without the API. Until then, see docs/api.md.
      </p>
    </Placeholder>
  );
}
