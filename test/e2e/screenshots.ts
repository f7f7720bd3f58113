import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';

/** Baselines live in the repository, next to the tests. */
export const screenshotDir = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

export interface ScreenshotVerdict {
  readonly status: 'matched' | 'written' | 'differs';
  readonly message: string;
}

export interface CompareSettings {
  /** A pixel differs when a channel differs by more than this (0–255): antialiasing noise. */
  readonly channelTolerance: number;
  /** The share of differing pixels allowed (0–1). */
  readonly maxDiffRatio: number;
}

export const defaultCompare: CompareSettings = { channelTolerance: 48, maxDiffRatio: 0.002 };

/**
 * Compares a PNG with its baseline, in the browser itself (canvas pixels), so no image library
 * is needed. A missing baseline (or UPDATE_SCREENSHOTS=1) is written and reported as such; a
 * mismatch writes the actual image and a diff (differing pixels in red) to a temp folder.
 */
export async function compareScreenshot(
  browser: Browser,
  name: string,
  actual: Buffer,
  settings: CompareSettings = defaultCompare,
): Promise<ScreenshotVerdict> {
  const baseline = join(screenshotDir, `${name}.png`);
  if (!existsSync(baseline) || process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(dirname(baseline), { recursive: true });
    writeFileSync(baseline, actual);
    return {
      status: 'written',
      message: `screenshot baseline ${baseline} was missing (or UPDATE_SCREENSHOTS=1): written now; commit it`,
    };
  }
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const result = (await page.evaluate(diffInPage, {
      a: readFileSync(baseline).toString('base64'),
      b: actual.toString('base64'),
      tolerance: settings.channelTolerance,
    })) as { width: number; height: number; sameSize: boolean; differing: number; diff: string };
    const ratio = result.differing / Math.max(1, result.width * result.height);
    if (result.sameSize && ratio <= settings.maxDiffRatio) {
      return { status: 'matched', message: `${result.differing} pixels differ (allowed)` };
    }
    const out = mkdtempSync(join(tmpdir(), `nocturne-screenshot-${name}-`));
    writeFileSync(join(out, `${name}.actual.png`), actual);
    if (result.diff)
      writeFileSync(join(out, `${name}.diff.png`), Buffer.from(result.diff, 'base64'));
    return {
      status: 'differs',
      message: result.sameSize
        ? `${result.differing} pixels (${(ratio * 100).toFixed(2)} %) differ from ${baseline}; see ${out}. If the change is intended, run with UPDATE_SCREENSHOTS=1 and commit the new baseline.`
        : `the size differs from ${baseline}; see ${out}.`,
    };
  } finally {
    await context.close();
  }
}

/** Runs in the page: decodes both PNGs and counts differing pixels. */
async function diffInPage(input: { a: string; b: string; tolerance: number }) {
  const g = globalThis as any;
  const load = async (base64: string) => {
    const image = new g.Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = g.document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    return { canvas, data: ctx.getImageData(0, 0, canvas.width, canvas.height) };
  };
  const [a, b] = await Promise.all([load(input.a), load(input.b)]);
  const width = a.canvas.width;
  const height = a.canvas.height;
  if (width !== b.canvas.width || height !== b.canvas.height) {
    return { width, height, sameSize: false, differing: width * height, diff: '' };
  }
  const diffCanvas = g.document.createElement('canvas');
  diffCanvas.width = width;
  diffCanvas.height = height;
  const diffCtx = diffCanvas.getContext('2d');
  const diff = diffCtx.createImageData(width, height);
  let differing = 0;
  for (let i = 0; i < a.data.data.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 3; c += 1) {
      worst = Math.max(worst, Math.abs(a.data.data[i + c] - b.data.data[i + c]));
    }
    const differs = worst > input.tolerance;
    if (differs) differing += 1;
    const grey = (a.data.data[i] + a.data.data[i + 1] + a.data.data[i + 2]) / 12;
    diff.data[i] = differs ? 255 : grey;
    diff.data[i + 1] = differs ? 0 : grey;
    diff.data[i + 2] = differs ? 0 : grey;
    diff.data[i + 3] = 255;
  }
  diffCtx.putImageData(diff, 0, 0);
  const url: string = diffCanvas.toDataURL('image/png');
  return { width, height, sameSize: true, differing, diff: url.slice(url.indexOf(',') + 1) };
}
