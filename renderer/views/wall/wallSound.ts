/**
 * The beep of a new HIGH alert, made by Web Audio (no sound file). Browsers start audio only
 * after a user gesture, so the AudioContext is created on the first click (`enable()`); until
 * then `beep()` does nothing and the wall shows a discreet "click to enable sound".
 */
export interface WallBeeper {
  readonly enabled: boolean;
  enable(): void;
  beep(): void;
  /** Closes the AudioContext (leaving the wall). */
  close(): void;
}

export function createWallBeeper(): WallBeeper {
  let context: AudioContext | null = null;
  return {
    get enabled() {
      return context !== null && context.state !== 'closed';
    },
    enable() {
      if (typeof AudioContext === 'undefined') return;
      context ??= new AudioContext();
      void context.resume();
    },
    beep() {
      if (!context || context.state !== 'running') return;
      const start = context.currentTime;
      // Two short tones (880 Hz, then 660 Hz): noticeable in a noisy room, not alarming.
      [880, 660].forEach((frequency, i) => {
        const oscillator = context!.createOscillator();
        const gain = context!.createGain();
        const at = start + i * 0.25;
        oscillator.type = 'square';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
        oscillator.connect(gain).connect(context!.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.22);
        // A stopped oscillator is collected once disconnected: nothing accumulates over days.
        oscillator.onended = () => oscillator.disconnect();
      });
    },
    close() {
      void context?.close();
      context = null;
    },
  };
}
