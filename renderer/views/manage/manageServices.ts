import { useServices, useAppStore } from '../../app/services.js';
import type { Transport, TransportResult } from '../../transport/transport.js';
import { manageAccess, type ManageAccess } from './manageAccess.js';

/** What the signed-in token may do here. */
export function useManageAccess(): ManageAccess {
  const role = useAppStore((s) => s.session.user?.effectiveRole ?? null);
  return manageAccess(role);
}

const signedOut: TransportResult<never> = {
  ok: false,
  error: { code: 'signed_out', message: 'Not signed in: sign in again, then retry.' },
};

/** Runs one transport call of the current session (an error result when signed out). */
export function useManageCall(): <T>(
  call: (transport: Transport) => Promise<TransportResult<T>>,
) => Promise<TransportResult<T>> {
  const { session } = useServices();
  return async (call) => {
    const transport = session.transport;
    return transport ? call(transport) : signedOut;
  };
}
