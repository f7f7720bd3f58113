import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allIconNames } from '../../main/tray/trayBadge.js';
import { buildIcns, buildIco } from '../../scripts/iconContainers.js';

const resources = fileURLToPath(new URL('../../resources/', import.meta.url));
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('icons in resources/ (npm run icons)', () => {
  it('every tray badge variant exists at 32 px and 64 px (@2x)', () => {
    for (const { name } of allIconNames()) {
      expect(pngSize(readFileSync(`${resources}tray/${name}.png`)), name).toEqual([32, 32]);
      expect(pngSize(readFileSync(`${resources}tray/${name}@2x.png`)), name).toEqual([64, 64]);
    }
  });

  it('the app icon set, .ico and .icns are there and well-formed', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(readFileSync(`${resources}icons/${size}x${size}.png`))).toEqual([size, size]);
    const ico = readFileSync(`${resources}icon.ico`);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7]);
    const icns = readFileSync(`${resources}icon.icns`);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(existsSync(`${resources}icon.png`)).toBe(true);
  });

  it('container writers: directory entries point at the PNG data', () => {
    const a = { size: 16, png: new Uint8Array([1, 2, 3]) };
    const b = { size: 256, png: new Uint8Array([4, 5]) };
    const ico = buildIco([a, b]);
    expect(ico.readUInt8(6 + 16)).toBe(0); // 256 is written as 0
    expect(ico.readUInt32LE(6 + 12)).toBe(38);
    expect([...ico.subarray(38, 41)]).toEqual([1, 2, 3]);
    const icns = buildIcns([{ size: 128, png: new Uint8Array([9]) }]);
    expect(icns.subarray(8, 12).toString('ascii')).toBe('ic07');
    expect(icns.readUInt32BE(12)).toBe(9);
    expect(() => buildIcns([{ size: 20, png: new Uint8Array() }])).toThrow(/20 px/);
  });
});
