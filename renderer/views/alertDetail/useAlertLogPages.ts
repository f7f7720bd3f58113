import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services.js';
import {
  cursorToRefresh,
  mergedLog,
  withLaterPage,
  type LaterPage,
  type LogPage,
} from './alertLogPages.js';

export interface AlertLogPages extends LogPage {
  readonly loading: boolean;
  /** Why the last read failed, as a sentence. */
  readonly error: string | null;
  /** False where the transport cannot page logs (the desktop bridge, until #5). */
  readonly canPage: boolean;
  showLater(): void;
}

/**
 * The log of `alertId` past its first page: "show later entries" reads the next page
 * (`getAlertLog`); when the alert changes (`first` is read again) the last page read is read
 * again too, so entries added meanwhile show without another click. Mount it once per alert
 * (`key={alertId}`): the pages read belong to one alert.
 */
export function useAlertLogPages(alertId: string, first: LogPage): AlertLogPages {
  const { session } = useServices();
  const [later, setLater] = useState<readonly LaterPage[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const laterRef = useRef(later);
  useEffect(() => {
    laterRef.current = later;
  }, [later]);
  const transport = session.transport;
  const canPage = transport !== null;

  const read = (cursor: string) => {
    if (!transport) return;
    setLoading(true);
    void transport.getAlertLog(alertId, cursor).then((result) => {
      setLoading(false);
      if (!result.ok) return setError(`Could not read more of the log: ${result.error.message}`);
      setError(null);
      setLater((pages) => withLaterPage(pages, { ...result.value, cursor }));
    });
  };

  useEffect(() => {
    const cursor = cursorToRefresh(laterRef.current);
    if (cursor) read(cursor);
    // Only a new first page (the alert changed) reads the last page again; `read` is new on
    // every render and `later` is read through the ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first]);

  const merged = mergedLog(first, later);
  return {
    ...merged,
    loading,
    error,
    canPage,
    showLater: () => {
      if (merged.nextCursor && !loading) read(merged.nextCursor);
    },
  };
}
