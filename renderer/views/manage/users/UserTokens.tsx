import { useState } from 'react';
import type { User } from '../../../../shared/domain/user.js';
import { useManageAccess } from '../manageServices.js';
import { TokenCreator } from './TokenCreator.js';
import { TokenList } from './TokenList.js';

/**
 * A user's API tokens for an admin: the list (with revoke) and the creator beside it; a token
 * just created appears in the list at once.
 */
export function UserTokens(props: { user: User }) {
  const access = useManageAccess();
  const [created, setCreated] = useState(0);
  if (!access.canEdit) return null;
  return (
    <>
      <TokenList user={props.user} reloadKey={created} />
      <TokenCreator user={props.user} onCreated={() => setCreated((n) => n + 1)} />
    </>
  );
}
