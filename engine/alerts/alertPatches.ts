import type { AlertRecord, AlertPatch } from '../store/records.js';
import type { InboundEvent } from './inboundEvent.js';

/** The fields an accept or resolve sets. `by` is null when a sender or the engine acts. */
export function statePatch(
  to: 'ACCEPTED' | 'RESOLVED',
  now: number,
  by: number | null,
): AlertPatch {
  return to === 'ACCEPTED'
    ? { state: 'ACCEPTED', acceptedAt: now, acceptedBy: by, updatedAt: now }
    : { state: 'RESOLVED', resolvedAt: now, updatedAt: now };
}

/** A repeated trigger: count it and take the fields the new event carries. */
export function eventPatch(open: AlertRecord, event: InboundEvent, now: number): AlertPatch {
  return {
    eventCount: open.eventCount + 1,
    lastEventAt: now,
    updatedAt: now,
    ...(event.summary !== null ? { summary: event.summary } : {}),
    ...(event.details !== null ? { details: event.details } : {}),
    ...(event.priority !== null ? { priority: event.priority } : {}),
    ...(event.severity !== null ? { severity: event.severity } : {}),
    ...(event.labels !== null ? { labels: event.labels } : {}),
    ...(event.links !== null ? { links: event.links } : {}),
    ...(event.images !== null ? { images: event.images } : {}),
    ...(event.customDetails !== null && event.customDetails !== undefined
      ? { customDetails: event.customDetails }
      : {}),
  };
}
