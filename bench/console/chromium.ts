/** The Chromium the benchmark drives, and how (docs/benchmarks.md). */
export const chromiumPath = process.env.NOCTURNE_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
  '--window-size=1280,720',
] as const;
