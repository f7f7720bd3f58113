import { useMemo, useState } from 'react';
import { useAppStore } from '../../../app/services.js';
import { byName } from '../manageLists.js';
import { useManageAccess } from '../manageServices.js';
import { ManageSplit } from '../ManageSplit.js';
import { TeamEditor } from './TeamEditor.js';

/** `/manage/teams`: teams, live from the stream; an escalation level may page a whole team. */
export function TeamsPage() {
  const teamMap = useAppStore((s) => s.entities.teams);
  const access = useManageAccess();
  const [selected, setSelected] = useState<string | null>(null);
  const teams = useMemo(() => byName(teamMap.values()), [teamMap]);
  return (
    <ManageSplit
      items={teams}
      selected={selected}
      onSelect={setSelected}
      canEdit={access.canEdit}
      texts={{
        create: 'New team',
        empty: 'No teams yet: a team is a group of users to page as one.',
        pick: 'Pick a team to change it.',
        missing:
          'Not in the live list: the stream has not brought this team yet, or it was deleted.',
      }}
      listTestId="team-list"
      headers={['Name', 'Members']}
      renderCells={(t) => <td>{t.members.length}</td>}
      renderEditor={(team) => (
        <TeamEditor
          key={team === 'new' ? 'new' : `${team.id}:${team.updatedAt}`}
          team={team === 'new' ? undefined : team}
          onSaved={(id) => setSelected(id)}
          onClose={() => setSelected(null)}
        />
      )}
    />
  );
}
