import { useEffect, useState } from 'react';
import type { ApiToken } from '../../../../shared/domain/apiToken.js';
import { useServices } from '../../../app/services.js';
import { useManageCall } from '../manageServices.js';

export interface UserTokens {
  /** Null until the first answer. */
  readonly tokens: readonly ApiToken[] | null;
  /** The last failure or outcome, as a sentence. */
  readonly message: string | null;
  readonly busy: boolean;
  revoke(token: ApiToken): Promise<void>;
}

/**
 * A user's API tokens (`GET /api/v1/users/{id}/tokens`): the stream never carries them, so they
 * are read when the user is shown, whenever `reloadKey` changes (a token was just created), and
 * after a revocation.
 */
export function useUserTokens(userId: string, reloadKey: number): UserTokens {
  const { session } = useServices();
  const call = useManageCall();
  const [tokens, setTokens] = useState<readonly ApiToken[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    const transport = session.transport;
    if (!transport) return;
    let current = true;
    void transport.listUserTokens(userId).then((result) => {
      if (!current) return;
      if (result.ok) setTokens(result.value.items);
      else setMessage(`Could not read the API tokens: ${result.error.message}`);
    });
    return () => {
      current = false;
    };
  }, [session, userId, reloadKey, serial]);

  const revoke = async (token: ApiToken) => {
    setBusy(true);
    const result = await call((t) => t.revokeUserToken(userId, token.id));
    setBusy(false);
    setMessage(
      result.ok
        ? `“${token.name}” was revoked: whatever uses it is refused from now on.`
        : `Could not revoke “${token.name}”: ${result.error.message}`,
    );
    setSerial((n) => n + 1);
  };

  return { tokens, message, busy, revoke };
}
