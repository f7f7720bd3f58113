import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../app/services.js';
import { statusText } from './statusText.js';

/** The connection state, always visible (in the header, and on the wall). */
export function StatusPill() {
  const connection = useAppStore(useShallow((s) => s.connection));
  return (
    <span
      className="status-pill"
      data-state={connection.state}
      data-testid="status-pill"
      role="status"
      aria-live="polite"
      title={connection.error?.message ?? undefined}
    >
      <span className="status-pill__dot" aria-hidden="true" />
      {statusText(connection)}
    </span>
  );
}
