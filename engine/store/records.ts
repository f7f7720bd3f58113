import type {
  Actor,
  AlertImage,
  AlertLink,
  AlertLogKind,
  AlertOrigin,
  AlertPriority,
  AlertSeverity,
  AlertState,
} from '../../shared/domain/alert.js';
import type { UserRole } from '../../shared/domain/user.js';

/**
 * What the store holds, as the engine's code sees it: numeric ids, epoch-millisecond times.
 * (The wire uses string ids and RFC 3339 times; see ../http/wire.ts.)
 */
export interface AlertRecord {
  readonly id: number;
  readonly sourceId: number;
  readonly alertKey: string;
  readonly state: AlertState;
  readonly priority: AlertPriority;
  readonly severity: AlertSeverity | null;
  readonly summary: string;
  readonly details: string | null;
  readonly origin: AlertOrigin;
  readonly labels: Readonly<Record<string, string>>;
  readonly links: readonly AlertLink[];
  readonly images: readonly AlertImage[];
  readonly customDetails: unknown;
  readonly eventCount: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastEventAt: number;
  readonly acceptedAt: number | null;
  readonly acceptedBy: number | null;
  readonly resolvedAt: number | null;
  readonly assigneeId: number | null;
}

export type NewAlert = Omit<AlertRecord, 'id'>;
/** The fields of an alert that change after creation. */
export type AlertPatch = Partial<
  Omit<AlertRecord, 'id' | 'sourceId' | 'alertKey' | 'origin' | 'createdAt'>
>;

export interface AlertLogRecord {
  readonly id: number;
  readonly alertId: number;
  readonly at: number;
  readonly kind: AlertLogKind;
  readonly actor: Actor;
  readonly message: string;
}
export type NewAlertLog = Omit<AlertLogRecord, 'id'>;

export interface AlertSourceRecord {
  readonly id: number;
  readonly name: string;
  readonly integrationKey: string;
  readonly escalationPolicyId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type NewAlertSource = Omit<AlertSourceRecord, 'id'>;

export interface UserRecord {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: UserRole;
  readonly timeZone: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type NewUser = Omit<UserRecord, 'id'>;

export interface ApiTokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  /** The first characters of the token, to tell tokens apart in a list. */
  readonly prefix: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}
