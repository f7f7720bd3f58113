import { useEffect } from 'react';
import { useActions, useAppStore } from '../app/services.js';

/** How long an informational notice stays; errors stay until dismissed. */
const infoMs = 6000;

/** Outcomes of actions (toasts), newest last; errors stay until dismissed. */
export function Notices() {
  const notices = useAppStore((s) => s.actions.notices);
  const { dismissNotice } = useActions();
  useEffect(() => {
    const timers = notices
      .filter((n) => n.tone === 'info')
      .map((n) => setTimeout(() => dismissNotice(n.id), infoMs));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismissNotice]);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-code={notice.code}
        >
          <span>{notice.text}</span>
          <button type="button" onClick={() => dismissNotice(notice.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
