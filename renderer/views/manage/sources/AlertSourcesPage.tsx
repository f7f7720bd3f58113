import { useMemo, useState } from 'react';
import { useAppStore } from '../../../app/services.js';
import { byName } from '../manageLists.js';
import { useManageAccess } from '../manageServices.js';
import { ManageSplit } from '../ManageSplit.js';
import { AlertSourceDetail } from './AlertSourceDetail.js';
import { AlertSourceForm } from './AlertSourceForm.js';
import { formatMinutes } from './ingestExamples.js';

/** `/manage/alert-sources`: the sources, live from the stream, and the one picked. */
export function AlertSourcesPage() {
  const sources = useAppStore((s) => s.entities.alertSources);
  const policies = useAppStore((s) => s.entities.escalationPolicies);
  const access = useManageAccess();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useMemo(() => byName(sources.values()), [sources]);
  // The detail follows the live store itself (and says when the source is not in it).
  const detail = (id: string) => (
    <AlertSourceDetail key={id} id={id} onDeleted={() => setSelected(null)} />
  );
  return (
    <ManageSplit
      items={list}
      selected={selected}
      onSelect={setSelected}
      canEdit={access.canEdit}
      texts={{
        create: 'New alert source',
        empty: 'No alert sources yet: create one to get an integration key.',
        pick: 'Pick an alert source to see its integration key and how to send it events.',
      }}
      listTestId="alert-source-list"
      rowIdAttribute="data-source-id"
      headers={['Name', 'Escalation policy', 'Timeouts']}
      renderCells={(source) => (
        <>
          <td>
            {source.escalationPolicyId
              ? (policies.get(source.escalationPolicyId)?.name ??
                `policy ${source.escalationPolicyId}`)
              : 'none: nobody is paged'}
          </td>
          <td>
            {[
              source.ackTimeoutMinutes !== null && `ack ${formatMinutes(source.ackTimeoutMinutes)}`,
              source.autoResolveMinutes !== null &&
                `auto-resolve ${formatMinutes(source.autoResolveMinutes)}`,
            ]
              .filter(Boolean)
              .join(', ') || '—'}
          </td>
        </>
      )}
      renderEditor={(source) =>
        source === 'new' ? (
          <AlertSourceForm
            key="new"
            onSaved={(created) => setSelected(created.id)}
            onCancel={() => setSelected(null)}
          />
        ) : (
          detail(source.id)
        )
      }
      renderMissing={detail}
    />
  );
}
