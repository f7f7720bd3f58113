import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/services.js';
import { formatDateTime } from '../../format/clock.js';

/** The engine shown, who the token belongs to, the connection and the stream's position. */
export function ConnectionDetails() {
  const session = useAppStore(useShallow((s) => s.session));
  const connection = useAppStore(useShallow((s) => s.connection));
  const position = useAppStore((s) => s.sync.position);
  return (
    <dl className="detail__fields">
      <div>
        <dt>Engine</dt>
        <dd>{session.engineUrl}</dd>
      </div>
      <div>
        <dt>Signed in as</dt>
        <dd>
          {session.user ? `${session.user.name} (${session.user.effectiveRole})` : 'unknown yet'}
        </dd>
      </div>
      <div>
        <dt>Connection</dt>
        <dd>
          {connection.state} since {formatDateTime(connection.since)}
          {connection.error ? ` — ${connection.error.message}` : ''}
        </dd>
      </div>
      <div>
        <dt>Stream position</dt>
        <dd>{position ? `${position.seq} (stream ${position.streamId})` : 'none yet'}</dd>
      </div>
    </dl>
  );
}
