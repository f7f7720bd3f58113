import { useAppStore, useServices } from './services.js';

/**
 * Why the stream is not live when the pill alone cannot say: the engine refused the token
 * (revoked, user deleted), or it refuses the stream from this page (streamDiagnosis.ts).
 */
export function ConnectionBanner() {
  const refused = useAppStore((s) => s.connection.sync === 'unauthorized');
  const streamProblem = useAppStore((s) => s.session.streamProblem);
  const { session } = useServices();
  if (!refused) {
    return streamProblem ? (
      <div className="banner banner--error" role="alert" data-testid="stream-problem">
        {streamProblem}
      </div>
    ) : null;
  }
  return (
    <div className="banner banner--error" role="alert">
      The engine no longer accepts this API token (it was revoked, or its user was deleted). What is
      shown stopped updating.
      <button type="button" className="button" onClick={() => session.signOut()}>
        Sign in again
      </button>
    </div>
  );
}
