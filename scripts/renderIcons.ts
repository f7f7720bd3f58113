import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allIconNames } from '../main/tray/trayBadge.js';
import { appIconSvg, trayIconSvg } from './iconArt.js';
import { buildIcns, buildIco, icnsTypes, type PngImage } from './iconContainers.js';

/**
 * `npm run icons`: renders resources/ from SVG (scripts/iconArt.ts) with resvg. The output is
 * committed, so building and packaging never need this script (nor its native renderer):
 * - resources/icons/<n>x<n>.png — the app icon set (electron-builder's Linux icons, windows);
 * - resources/icon.png (1024), icon.ico (16–256), icon.icns (16–1024) for dmg/nsis;
 * - resources/tray/tray-<variant>-<label>.png (32 px) and @2x (64 px) — every badge variant.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const out = (...parts: string[]) => join(root, 'resources', ...parts);

const render = (svg: string, size: number): Uint8Array =>
  new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(out('icons'), { recursive: true });
mkdirSync(out('tray'), { recursive: true });

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const app = new Map<number, Uint8Array>(sizes.map((size) => [size, render(appIconSvg(), size)]));
for (const [size, png] of app) writeFileSync(out('icons', `${size}x${size}.png`), png);
writeFileSync(out('icon.png'), app.get(1024)!);
const pick = (list: number[]): PngImage[] => list.map((size) => ({ size, png: app.get(size)! }));
writeFileSync(out('icon.ico'), buildIco(pick([16, 24, 32, 48, 64, 128, 256])));
writeFileSync(out('icon.icns'), buildIcns(pick(Object.keys(icnsTypes).map(Number))));

for (const { variant, label, name } of allIconNames()) {
  writeFileSync(out('tray', `${name}.png`), render(trayIconSvg(variant, label), 32));
  writeFileSync(out('tray', `${name}@2x.png`), render(trayIconSvg(variant, label), 64));
}
process.stdout.write(
  `icons: ${app.size} app sizes, .ico, .icns, ${allIconNames().length * 2} tray images in resources/\n`,
);
