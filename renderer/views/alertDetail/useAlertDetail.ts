import { useEffect, useState } from 'react';
import { happenedTimeline } from '../../../shared/escalation/escalationTimeline.js';
import type { TimelineEntry } from '../../../shared/escalation/timelineModel.js';
import { useServices } from '../../app/services.js';
import type { AlertWithLog, TransportError } from '../../transport/transport.js';

/** How often the history is read again while the view is open (notification outcomes). */
const refreshMs = 30_000;

export interface AlertDetailData {
  /** Every field and the log; null until the first answer. */
  readonly alert: AlertWithLog | null;
  /** What happened (`GET …/timeline`), or the alert's own log where that call is missing. */
  readonly happened: readonly TimelineEntry[] | null;
  readonly error: TransportError | null;
  readonly loaded: boolean;
}

const empty: AlertDetailData = { alert: null, happened: null, error: null, loaded: false };

/**
 * The heavy parts of alert `id` that the stream does not carry: details, custom details,
 * images, the log and the escalation history. Read again when `changeKey` changes (the alert's
 * or its escalation's `updatedAt`, pushed over the stream: docs/protocol.md says the history
 * changes only then), every 30 s (notifications delivered meanwhile), and on `reload()`.
 */
export function useAlertDetail(id: string, changeKey: string) {
  const { session } = useServices();
  const [data, setData] = useState<AlertDetailData & { id: string }>({ ...empty, id });
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    const transport = session.transport;
    if (!transport) return;
    let current = true;
    void Promise.all([transport.getAlert(id), transport.getTimeline(id)]).then(
      ([alert, timeline]) => {
        if (!current) return;
        setData((previous) => {
          const kept = previous.id === id ? previous : { ...empty, id };
          const happened = timeline.ok
            ? timeline.value.happened
            : alert.ok
              ? happenedTimeline(alert.value.log.items)
              : kept.happened;
          return {
            id,
            alert: alert.ok ? alert.value : kept.alert,
            happened,
            error: alert.ok ? null : alert.error,
            loaded: true,
          };
        });
      },
    );
    return () => {
      current = false;
    };
  }, [id, changeKey, serial, session]);

  useEffect(() => {
    const timer = setInterval(() => setSerial((n) => n + 1), refreshMs);
    return () => clearInterval(timer);
  }, []);

  return {
    ...(data.id === id ? data : empty),
    reload: () => setSerial((n) => n + 1),
  };
}
