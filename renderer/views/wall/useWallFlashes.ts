import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../app/services.js';
import { HighAlertFlashes, type FlashUpdate } from './highAlertFlash.js';
import { createWallBeeper } from './wallSound.js';

export interface WallFlashes extends FlashUpdate {
  /** Sound is wanted and the browser has not been allowed to play it yet: show the hint. */
  readonly needsClick: boolean;
  /** Allow audio (call from a click). */
  readonly enableSound: () => void;
}

/**
 * New HIGH alerts flashing at `now` (the wall's one ticking clock), and a beep when one starts
 * (with `sound`). One tracker and one AudioContext for the wall's life, closed when it leaves.
 */
export function useWallFlashes(now: number, sound: boolean): WallFlashes {
  const byId = useAppStore((s) => s.alerts.byId);
  const arrivedAt = useAppStore((s) => s.alerts.arrivedAt);
  const [tracker] = useState(() => new HighAlertFlashes());
  const [beeper] = useState(createWallBeeper);
  const [soundAllowed, setSoundAllowed] = useState(false);
  // The tracker answers the same for the same arguments, so a repeated render starts nothing.
  const update = useMemo(
    () => tracker.update(byId, arrivedAt, now),
    [tracker, byId, arrivedAt, now],
  );

  useEffect(() => () => beeper.close(), [beeper]);
  useEffect(() => {
    if (sound && update.started.length > 0) beeper.beep();
  }, [sound, update, beeper]);

  return {
    ...update,
    needsClick: sound && !soundAllowed,
    enableSound: () => {
      beeper.enable();
      setSoundAllowed(true);
    },
  };
}
