import type { Alert } from '../../shared/domain/alert.js';
import type {
  SignedInUser,
  SyncEvent,
  Transport,
  TransportError,
  TransportResult,
} from '../../renderer/transport/transport.js';
import { unsupportedManageCalls } from '../../renderer/transport/manageTransport.js';
import { unsupportedScheduleCalls } from '../../renderer/transport/scheduleTransport.js';
import { user } from './fixtures.js';

/** A transport the test scripts: answers per call, records calls, emits stream events. */
export interface FakeTransportOptions {
  readonly whoAmI?: TransportResult<SignedInUser>;
  readonly action?: (
    kind: string,
    id: string,
  ) => TransportResult<Alert> | Promise<TransportResult<Alert>>;
}

export function fakeTransport(options: FakeTransportOptions = {}) {
  const calls: string[] = [];
  const listeners = new Set<(event: SyncEvent) => void>();
  let closed = false;
  const act = async (kind: string, id: string) => {
    calls.push(`${kind} ${id}`);
    return options.action
      ? options.action(kind, id)
      : ({ ok: true, value: {} as Alert } as TransportResult<Alert>);
  };
  const transport: Transport = {
    engineUrl: 'http://127.0.0.1:7070',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect: () => calls.push('reconnect'),
    close: () => {
      closed = true;
    },
    whoAmI: async () => {
      calls.push('whoAmI');
      return (
        options.whoAmI ?? {
          ok: true,
          value: { ...user('1', 'Ada Lovelace'), effectiveRole: 'admin' },
        }
      );
    },
    getAlert: async () => ({ ok: false, error: { code: 'alert_not_found', message: 'no' } }),
    acceptAlert: (id) => act('accept', id),
    resolveAlert: (id) => act('resolve', id),
    commentAlert: (id) => act('comment', id),
    assignAlert: (id) => act('assign', id),
    getTimeline: async () => ({ ok: false, error: { code: 'alert_not_found', message: 'no' } }),
    ...unsupportedManageCalls(),
    ...unsupportedScheduleCalls(),
  };
  return {
    transport,
    calls,
    emit: (event: SyncEvent) => listeners.forEach((l) => l(event)),
    get subscribers() {
      return listeners.size;
    },
    get closed() {
      return closed;
    },
  };
}

export const failure = (code: string, message: string, status?: number): TransportResult<never> => {
  const error: TransportError = { code, message, ...(status !== undefined ? { status } : {}) };
  return { ok: false, error };
};
