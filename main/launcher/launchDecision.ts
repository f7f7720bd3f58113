/**
 * Whether `npm start` can open the desktop app or must serve the console in a browser instead
 * (pure, so every branch is unit-tested). The launcher gathers the facts; this decides and words
 * the one paragraph that says why.
 */
export type BinaryState =
  | { readonly kind: 'present'; readonly path: string }
  | { readonly kind: 'downloadFailed'; readonly version: string; readonly reason: string }
  | { readonly kind: 'notInstalled'; readonly reason: string };

export interface LaunchFacts {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Root on Linux: Chromium refuses to run without its sandbox. */
  readonly isRoot: boolean;
  /** Asked for the browser (`--browser` or NOCTURNE_BROWSER=1). */
  readonly browserRequested: boolean;
}

export type LaunchDecision =
  | {
      readonly mode: 'electron';
      readonly executable: string;
      readonly extraArgs: readonly string[];
    }
  | { readonly mode: 'browser'; readonly reason: string };

/** Why no window can be shown, or null: decided before any download is tried. */
export function displayProblem(facts: LaunchFacts): string | null {
  if (facts.browserRequested) return 'browser mode was asked for (--browser or NOCTURNE_BROWSER=1)';
  if (facts.platform === 'linux' || facts.platform === 'freebsd' || facts.platform === 'openbsd') {
    if (!facts.env.DISPLAY && !facts.env.WAYLAND_DISPLAY)
      return 'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set: a server, a container or an SSH session without X forwarding)';
    if (facts.isRoot && facts.env.NOCTURNE_ALLOW_NO_SANDBOX !== '1')
      return "it runs as root, and Chromium's sandbox refuses to start as root (run Nocturne as your own user, or set NOCTURNE_ALLOW_NO_SANDBOX=1 to start it without the sandbox at your own risk)";
  }
  return null;
}

/** Decides once the binary's state is known (after the download was tried, if it was needed). */
export function decideLaunch(facts: LaunchFacts, binary: BinaryState): LaunchDecision {
  const problem = displayProblem(facts);
  if (problem) return { mode: 'browser', reason: problem };
  if (binary.kind === 'downloadFailed')
    return {
      mode: 'browser',
      reason: `Electron ${binary.version} is not downloaded yet and downloading it failed (${binary.reason}); with network access, "npm start" downloads it once, or set ELECTRON_MIRROR to a mirror you can reach`,
    };
  if (binary.kind === 'notInstalled') return { mode: 'browser', reason: binary.reason };
  const noSandbox = facts.isRoot && facts.platform === 'linux' ? ['--no-sandbox'] : [];
  return { mode: 'electron', executable: binary.path, extraArgs: noSandbox };
}

/** The one paragraph printed before falling back (no URL yet when the port is picked at start). */
export function fallbackParagraph(reason: string, consoleUrl: string | null): string {
  const where = consoleUrl
    ? `open ${consoleUrl} in a browser`
    : 'open the console address printed below in a browser';
  return [
    `Nocturne cannot open the desktop app here because ${reason}.`,
    `Serving the same console in browser mode instead: ${where}`,
    'and sign in with the admin token printed below at the first start (tray icon, native',
    'notifications and wall windows need the desktop app; everything else works the same).',
  ].join(' ');
}

/** `--port`/`--host` among the serve options passed through, for the URL to print. */
export function consoleUrlOf(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    if (i >= 0) return args[i + 1];
    return args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const host = value('--host') ?? env.NOCTURNE_HOST ?? '127.0.0.1';
  const port = value('--port') ?? env.NOCTURNE_PORT ?? '7070';
  if (port === '0') return null;
  const shown =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const tls = args.includes('--tls-cert') || args.some((a) => a.startsWith('--tls-cert='));
  return `${tls ? 'https' : 'http'}://${shown}:${port}/`;
}
