import type { AlertState } from '../../shared/domain/alert.js';
import type { InboundAction } from './inboundEvent.js';

/** What an inbound event does to the alerts of its source. */
export type IngestDecision =
  | 'create' // no open alert with this key: a new alert
  | 'update' // an open alert with this key: count the event, take its fields
  | 'accept' // PENDING → ACCEPTED
  | 'resolve' // PENDING or ACCEPTED → RESOLVED
  | 'comment' // add a comment to the open alert
  | 'unchanged' // accept of an alert already accepted
  | 'drop'; // accept, resolve or comment with no open alert: ignored, answered as accepted

/**
 * De-duplication and state rules (DOMAIN.md): an event updates the open alert of its source
 * with the same key; after that alert is resolved the key opens a new alert; accept, resolve and
 * comment for a key with no open alert are dropped, as ilert and PagerDuty do.
 * `open` is the state of the source's open alert with the event's key, or null.
 */
export function decideIngest(action: InboundAction, open: AlertState | null): IngestDecision {
  if (open === 'RESOLVED') throw new Error('an open alert cannot be RESOLVED');
  switch (action) {
    case 'trigger':
      return open ? 'update' : 'create';
    case 'accept':
      if (!open) return 'drop';
      return open === 'PENDING' ? 'accept' : 'unchanged';
    case 'resolve':
      return open ? 'resolve' : 'drop';
    case 'comment':
      return open ? 'comment' : 'drop';
  }
}
