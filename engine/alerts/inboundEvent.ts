import type {
  AlertImage,
  AlertLink,
  AlertOrigin,
  AlertPriority,
  AlertSeverity,
} from '../../shared/domain/alert.js';

/** What an inbound event asks for, whatever format it came in. */
export type InboundAction = 'trigger' | 'accept' | 'resolve' | 'comment';

/**
 * One event from a monitoring tool, normalised by its format's adapter (../ingest). Strings are
 * already cut to the documented limits.
 */
export interface InboundEvent {
  readonly action: InboundAction;
  /** The de-duplication key; `null` on a trigger means "new alert, generate a key". */
  readonly alertKey: string | null;
  readonly summary: string | null;
  readonly details: string | null;
  readonly priority: AlertPriority | null;
  readonly severity: AlertSeverity | null;
  readonly labels: Readonly<Record<string, string>> | null;
  readonly links: readonly AlertLink[] | null;
  readonly images: readonly AlertImage[] | null;
  readonly customDetails: unknown;
  /** Text logged with the event: the comment of a COMMENT event, a note on accept/resolve. */
  readonly comment: string | null;
}

/** The formats monitoring tools send in (not the engine's own origins). */
export type InboundFormat = Exclude<AlertOrigin, 'api' | 'heartbeat'>;

/** A blank event to spread over: adapters set what their format carries. */
export const emptyEvent: Omit<InboundEvent, 'action'> = {
  alertKey: null,
  summary: null,
  details: null,
  priority: null,
  severity: null,
  labels: null,
  links: null,
  images: null,
  customDetails: null,
  comment: null,
};
