import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/services.js';
import { statusText } from '../../components/statusText.js';
import { useNow } from '../../components/useNow.js';
import { formatClockSeconds } from '../../format/clock.js';
import { selectAlertCounts, selectOldestPending } from '../../state/selectors/alertSelectors.js';
import '../../styles/wall.css';
import { onCallNow } from './onCallNow.js';
import { useWallFlashes } from './useWallFlashes.js';
import { panelAt, wallPanels } from './wallRotation.js';
import { OldestPanel, OnCallPanel, StatesPanel } from './WallPanels.js';
import { loadWallSettings, type WallStorage } from './wallSettings.js';

function wallStorage(): WallStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: the address alone sets the wall up
  }
}

const panelTitles = { alerts: 'Oldest unaccepted', onCall: 'On call now', states: 'By state' };

/**
 * The wall display at `/wall` (docs/console.md, "Wall display"): no chrome, dark, large. The
 * counts, the clock and the connection always show; the panels below rotate. Everything that
 * moves — clock, ages, rotation, the end of a flash — follows one ticking clock (useNow), so
 * there is no other timer to leak through days of reconnects.
 */
export function WallView() {
  const [settings] = useState(() => loadWallSettings(window.location.search, wallStorage()));
  const now = useNow(1000);
  const [startedAt] = useState(now);
  const counts = useAppStore(selectAlertCounts);
  const oldest = useAppStore(selectOldestPending);
  const byId = useAppStore((s) => s.alerts.byId);
  const schedules = useAppStore((s) => s.entities.schedules);
  const users = useAppStore((s) => s.entities.users);
  const connection = useAppStore(useShallow((s) => s.connection));
  const flashes = useWallFlashes(now, settings.sound);
  const onCall = useMemo(
    () => onCallNow(schedules, users, settings.scheduleIds, now),
    [schedules, users, settings.scheduleIds, now],
  );
  const panel = panelAt(wallPanels, startedAt, now, settings.rotateSeconds);
  const live = connection.state === 'live';
  const newHigh = [...flashes.flashing.keys()].flatMap((id) => byId.get(id) ?? []).slice(0, 3);

  return (
    <main
      className="wall"
      data-testid="wall"
      data-panel={panel}
      data-flashing={flashes.flashing.size > 0 ? 'true' : undefined}
      onClick={flashes.needsClick ? flashes.enableSound : undefined}
    >
      <header className="wall__header">
        <span className="wall__clock" data-testid="wall-clock">
          {formatClockSeconds(now)}
        </span>
        <div className="wall__counts" aria-label="Pending alerts by priority">
          <div className="wall__count wall__count--high">
            <span className="wall__number" data-testid="wall-high">
              {counts.pendingByPriority.HIGH}
            </span>
            <span>▲ HIGH pending</span>
          </div>
          <div className="wall__count wall__count--low">
            <span className="wall__number" data-testid="wall-low">
              {counts.pendingByPriority.LOW}
            </span>
            <span>○ LOW pending</span>
          </div>
        </div>
        <span
          className="wall__connection"
          data-state={connection.state}
          data-testid="status-pill"
          role="status"
          aria-live="polite"
        >
          {live ? '● ' : '⚠ '}
          {statusText(connection)}
        </span>
      </header>
      {newHigh.length > 0 && (
        <section className="wall__new" aria-label="New HIGH alerts" data-testid="wall-new-high">
          {newHigh.map((alert) => (
            <p key={alert.id} data-alert-id={alert.id} data-flash="true">
              ▲ NEW HIGH · {alert.summary}
            </p>
          ))}
        </section>
      )}
      {panel === 'alerts' && <OldestPanel oldest={oldest} flashing={flashes.flashing} now={now} />}
      {panel === 'onCall' && <OnCallPanel lines={onCall} />}
      {panel === 'states' && <StatesPanel counts={counts} />}
      <footer className="wall__footer">
        <ol className="wall__dots" aria-label="Panels">
          {wallPanels.map((name) => (
            <li key={name} aria-current={name === panel ? 'true' : undefined}>
              {panelTitles[name]}
            </li>
          ))}
        </ol>
        {flashes.needsClick && (
          <span className="wall__sound-hint" data-testid="wall-sound-hint">
            Click to enable sound
          </span>
        )}
      </footer>
    </main>
  );
}
