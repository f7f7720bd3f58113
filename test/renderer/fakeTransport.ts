import type { Alert } from '../../shared/domain/alert.js';
import type {
  SignedInUser,
  SyncEvent,
  Transport,
  TransportError,
  TransportResult,
} from '../../renderer/transport/transport.js';
import type { ManageTransport } from '../../renderer/transport/manageTransport.js';
import type { ScheduleTransport } from '../../renderer/transport/scheduleTransport.js';
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
    getAlertLog: async () => ({ ok: false, error: { code: 'alert_not_found', message: 'no' } }),
    ...unscriptedCalls(),
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

/** The manage and schedule calls, which these tests do not script: each answers an error. */
function unscriptedCalls(): ManageTransport & ScheduleTransport {
  const no = async (): Promise<TransportResult<never>> => failure('not_scripted', 'no answer');
  return {
    getAlertSource: no,
    createAlertSource: no,
    updateAlertSource: no,
    deleteAlertSource: no,
    createEscalationPolicy: no,
    updateEscalationPolicy: no,
    deleteEscalationPolicy: no,
    createUser: no,
    updateUser: no,
    deleteUser: no,
    createUserToken: no,
    listUserTokens: no,
    revokeUserToken: no,
    createTeam: no,
    updateTeam: no,
    replaceTeamMembers: no,
    deleteTeam: no,
    createOverride: no,
    deleteOverride: no,
  };
}

export const failure = (code: string, message: string, status?: number): TransportResult<never> => {
  const error: TransportError = { code, message, ...(status !== undefined ? { status } : {}) };
  return { ok: false, error };
};
