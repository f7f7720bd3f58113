import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestArgs } from '../../../shared/ipc/ipcContract.js';
import type { ConflictView, IpcResult, PlanningView } from '../../../shared/ipc/ipcViews.js';
import type { DesktopServices } from '../../app/services.js';
import { pushDraftsOnce } from './planningPush.js';
import {
  draftRefusalSentence,
  isUnreachable,
  planningErrorSentence,
  pushReportSentence,
  refreshFailureSentence,
} from './planningText.js';

/** A sentence about the last thing done: `info` when it went as asked, `problem` otherwise. */
export interface PlanningNotice {
  readonly tone: 'info' | 'problem';
  readonly text: string;
}

/**
 * One engine's offline planning in the view: the copy (`getPlanning`, re-read on
 * `onPlanningChanged` for this engine and after each request), and the requests, each ending in
 * a {@link PlanningNotice}. Mount it keyed by the engine: the state belongs to one engine.
 */
export function usePlanning(
  desktop: Pick<DesktopServices, 'api'>,
  engineId: string,
  now: () => number,
) {
  const { api } = desktop;
  const [planning, setPlanning] = useState<PlanningView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<PlanningNotice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reads = useRef(0);

  const apply = useCallback((answer: IpcResult<PlanningView>) => {
    if (answer.ok) {
      setPlanning(answer.value);
      setLoadError(null);
    } else setLoadError(planningErrorSentence(answer.error, 'The offline copy could not be read'));
  }, []);

  /** Reads the copy; an answer overtaken by a newer read is dropped. */
  const reload = useCallback(async () => {
    const read = ++reads.current;
    const answer = await api.getPlanning({ engineId });
    if (read === reads.current) apply(answer);
  }, [api, engineId, apply]);

  useEffect(() => {
    let mounted = true;
    const read = () => {
      const n = ++reads.current;
      void api.getPlanning({ engineId }).then((answer) => {
        if (mounted && n === reads.current) apply(answer);
      });
    };
    read();
    const stop = api.onPlanningChanged((event) => {
      if (event.engineId === engineId) read();
    });
    return () => {
      mounted = false;
      stop();
    };
  }, [api, engineId, apply]);

  /** Runs one request with `what` as the busy label, then re-reads the copy. */
  const run = useCallback(
    async <T>(what: string, call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> => {
      setBusy(what);
      setNotice(null);
      const answer = await call();
      setBusy(null);
      await reload();
      return answer;
    },
    [reload],
  );

  const refresh = async () => {
    const answer = await run('refresh', () => api.refreshPlanning({ engineId }));
    setNotice(
      answer.ok
        ? {
            tone: 'info',
            text: `Copy refreshed: ${answer.value.schedules.length} schedules, ${answer.value.users.length} users.`,
          }
        : {
            tone: 'problem',
            text: refreshFailureSentence(answer.error, planning?.syncedAt ?? null, now()),
          },
    );
  };

  const push = async () => {
    const answer = await run('push', () => pushDraftsOnce(api, engineId));
    if (answer.ok) {
      const report = answer.value;
      const clean = !report.offline && report.conflicts === 0 && report.rejected === 0;
      setNotice({ tone: clean ? 'info' : 'problem', text: pushReportSentence(report) });
    } else
      setNotice({
        tone: 'problem',
        text: isUnreachable(answer.error)
          ? 'Engine unreachable: everything stays queued.'
          : planningErrorSentence(answer.error, 'Not pushed'),
      });
  };

  const discard = async (draftId: string) => {
    const answer = await run(`discard:${draftId}`, () => api.discardDraft({ draftId }));
    setNotice(
      answer.ok
        ? { tone: 'info', text: 'Draft discarded.' }
        : { tone: 'problem', text: planningErrorSentence(answer.error, 'Not discarded') },
    );
  };

  const resolve = async (conflict: ConflictView, choice: 'mine' | 'theirs') => {
    const answer = await run(`resolve:${conflict.id}`, () =>
      api.resolveConflict({ conflictId: conflict.id, choice }),
    );
    if (!answer.ok)
      setNotice({ tone: 'problem', text: planningErrorSentence(answer.error, 'Not resolved') });
    else
      setNotice({
        tone: 'info',
        text:
          choice === 'mine'
            ? `Your draft is queued again on version ${conflict.theirs.version}: push to send it.`
            : 'Your draft was dropped; the engine keeps its schedule.',
      });
  };

  const draftOverride = async (args: RequestArgs<'draftOverride'>) => {
    const answer = await run('draft', () => api.draftOverride(args));
    if (answer.ok)
      setNotice({ tone: 'info', text: 'Override drafted: it is queued until the next push.' });
    return answer.ok ? null : draftRefusalSentence(answer.error);
  };

  const draftScheduleEdit = async (args: RequestArgs<'draftScheduleEdit'>) => {
    const answer = await run('draft-layer', () => api.draftScheduleEdit(args));
    if (answer.ok)
      setNotice({ tone: 'info', text: 'Layer change drafted: it is queued until the next push.' });
    return answer.ok ? null : draftRefusalSentence(answer.error);
  };

  return {
    planning,
    loadError,
    notice,
    busy,
    refresh,
    push,
    discard,
    resolve,
    draftOverride,
    draftScheduleEdit,
  };
}

export type Planning = ReturnType<typeof usePlanning>;
