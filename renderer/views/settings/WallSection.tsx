import { useEffect, useState } from 'react';
import type { WallWindowSetting } from '../../../shared/ipc/desktopSettings.js';
import type { DisplayView } from '../../../shared/ipc/ipcViews.js';
import { reopenWallsPatch } from './settingsPatches.js';
import { SettingsError } from './SettingsError.js';
import { useDesktopCall } from './useDesktopCall.js';
import { displayLabel, proposedDisplay } from './wallDisplays.js';

/** Wall screens: open a wall window on a display (kiosk), and whether walls reopen at start. */
export function WallSection(props: {
  walls: readonly WallWindowSetting[];
  reopenAtStart: boolean;
}) {
  const { api, run, save, error, busy } = useDesktopCall();
  const [displays, setDisplays] = useState<readonly DisplayView[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);

  useEffect(() => {
    let gone = false;
    void run(() => api.listDisplays({}), 'The displays could not be listed').then((list) => {
      if (!gone && list) setDisplays(list);
    });
    return () => {
      gone = true;
    };
  }, [api, run]);

  const target = chosen ?? proposedDisplay(displays ?? [], props.walls);
  const open = () => void run(() => api.openWallWindow({ displayId: target }), 'Not opened');

  return (
    <section className="settings__section" aria-labelledby="settings-wall">
      <h2 id="settings-wall">Wall screens</h2>
      <p>
        A wall window covers its display (kiosk: leave it from the tray).{' '}
        {props.walls.length > 0
          ? `${props.walls.length} wall window${props.walls.length > 1 ? 's are' : ' is'} saved.`
          : 'None is saved.'}
      </p>
      <div className="settings__inline">
        <label className="settings__choice">
          Display
          <select
            name="wallDisplay"
            className="select"
            value={target ?? ''}
            disabled={!displays || displays.length === 0}
            onChange={(e) => setChosen(Number(e.target.value))}
          >
            {(displays ?? []).map((display) => (
              <option key={display.id} value={display.id}>
                {displayLabel(display, props.walls)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={busy || !displays} onClick={open}>
          Open a wall window
        </button>
      </div>
      <label className="settings__choice">
        <input
          type="checkbox"
          checked={props.reopenAtStart}
          disabled={busy}
          onChange={(e) => void save(reopenWallsPatch(e.target.checked))}
        />
        Reopen the wall windows at the next start
      </label>
      <SettingsError error={error} />
    </section>
  );
}
