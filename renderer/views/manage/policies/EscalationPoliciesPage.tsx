import { useMemo, useState } from 'react';
import { useAppStore } from '../../../app/services.js';
import { byName, sourcesUsingPolicy } from '../manageLists.js';
import { useManageAccess } from '../manageServices.js';
import { ManageSplit } from '../ManageSplit.js';
import { PolicyEditor } from './PolicyEditor.js';

/** `/manage/escalation-policies`: the policies, live from the stream, and the one picked. */
export function EscalationPoliciesPage() {
  const policyMap = useAppStore((s) => s.entities.escalationPolicies);
  const sources = useAppStore((s) => s.entities.alertSources);
  const access = useManageAccess();
  const [selected, setSelected] = useState<string | null>(null);
  const policies = useMemo(() => byName(policyMap.values()), [policyMap]);
  return (
    <ManageSplit
      items={policies}
      selected={selected}
      onSelect={setSelected}
      canEdit={access.canEdit}
      texts={{
        create: 'New escalation policy',
        empty: 'No escalation policies yet: a policy says who is paged, level after level.',
        pick: 'Pick an escalation policy to change it.',
        missing:
          'Not in the live list: the stream has not brought this policy yet, or it was deleted.',
      }}
      listTestId="policy-list"
      rowIdAttribute="data-policy-id"
      headers={['Name', 'Levels', 'Used by']}
      renderCells={(p) => (
        <>
          <td>
            {p.levels.length}
            {p.repeat > 0 ? `, repeats ${p.repeat}×` : ''}
          </td>
          <td>
            {sourcesUsingPolicy(sources.values(), p.id)
              .map((s) => s.name)
              .join(', ') || '—'}
          </td>
        </>
      )}
      renderEditor={(policy) => (
        <PolicyEditor
          key={policy === 'new' ? 'new' : policy.id}
          policy={policy === 'new' ? undefined : policy}
          onSaved={(id) => setSelected(id)}
          onClose={() => setSelected(null)}
        />
      )}
    />
  );
}
