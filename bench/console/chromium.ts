/** The Chromium the benchmark and the console's end-to-end tests drive, and how. */
export const chromiumPath = process.env.NOCTURNE_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no GPU, nothing in the background (docs/benchmarks.md, docs/console.md). */
export const headlessChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** The benchmark's: precise heap figures, the tests' 1280×720 window. */
export const chromiumArgs = [
  ...headlessChromiumArgs,
  '--enable-precise-memory-info',
  '--window-size=1280,720',
] as const;
