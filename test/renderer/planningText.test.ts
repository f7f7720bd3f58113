import { describe, expect, it } from 'vitest';
import {
  copyAgeText,
  pushReportSentence,
  refreshFailureSentence,
} from '../../renderer/views/planning/planningText.js';

const now = Date.parse('2026-03-29T10:00:00Z');
const before = (ms: number) => new Date(now - ms).toISOString();
const min = 60_000;

describe('the offline copy’s age (fixed clock)', () => {
  it.each([
    [null, 'never copied from the engine'],
    [before(20_000), 'copied from the engine just now'],
    [before(5 * min), 'copied from the engine 5 min ago'],
    [before(59 * min + 59_000), 'copied from the engine 59 min ago'],
    [before(60 * min), 'copied from the engine 1 h ago'],
    [before(200 * min), 'copied from the engine 3 h 20 min ago'],
    [before(24 * 60 * min), 'copied from the engine 1 day ago'],
    [before(3 * 24 * 60 * min + 5 * min), 'copied from the engine 3 days ago'],
    // A copy dated ahead of this machine's clock (skew) is not "in 2 min".
    [new Date(now + 2 * min).toISOString(), 'copied from the engine just now'],
  ])('%s → %s', (syncedAt, text) => {
    expect(copyAgeText(syncedAt, now)).toBe(text);
  });
});

describe('push reports as sentences', () => {
  it('counts what was pushed, what conflicted and what was refused', () => {
    expect(pushReportSentence({ pushed: 2, conflicts: 1, rejected: 0, offline: false })).toBe(
      'Pushed 2 drafts, 1 conflict, 0 rejected.',
    );
    expect(pushReportSentence({ pushed: 1, conflicts: 0, rejected: 3, offline: false })).toBe(
      'Pushed 1 draft, 0 conflicts, 3 rejected.',
    );
  });

  it('says when nothing was pending', () => {
    expect(pushReportSentence({ pushed: 0, conflicts: 0, rejected: 0, offline: false })).toBe(
      'Nothing to push: no draft is pending.',
    );
  });

  it('says an unreachable engine keeps everything queued, and what happened before', () => {
    expect(pushReportSentence({ pushed: 0, conflicts: 0, rejected: 0, offline: true })).toBe(
      'Engine unreachable: everything stays queued.',
    );
    expect(pushReportSentence({ pushed: 1, conflicts: 0, rejected: 0, offline: true })).toBe(
      'Pushed 1 draft, 0 conflicts, 0 rejected; then the engine became unreachable: the rest stays queued.',
    );
  });
});

describe('a refresh that failed', () => {
  const unreachable = { code: 'engine_unreachable', message: 'Nothing answered at http://x.' };

  it('keeps the copy and says how old it is', () => {
    expect(refreshFailureSentence(unreachable, before(5 * min), now)).toBe(
      'The engine could not be reached. The offline copy stays as it was (copied from the engine 5 min ago).',
    );
    expect(
      refreshFailureSentence({ code: 'internal', message: 'HTTP 502', status: 502 }, null, now),
    ).toBe('The engine could not be reached. There is no offline copy yet.');
  });

  it('passes on the engine’s reason otherwise', () => {
    expect(
      refreshFailureSentence(
        { code: 'unauthorized', message: 'The token was revoked', status: 401 },
        before(min),
        now,
      ),
    ).toBe(
      'Not refreshed: The token was revoked. The offline copy stays as it was (copied from the engine 1 min ago).',
    );
  });
});
