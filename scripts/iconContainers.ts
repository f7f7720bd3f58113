/**
 * Windows .ico and macOS .icns files from PNG images (both formats may hold PNG data as it is),
 * so the icon script needs no native tool. Formats: ICONDIR + ICONDIRENTRY per image (sizes of
 * 256 are written as 0); icns: "icns" + total length, then per image a 4-character type and the
 * entry's length (both big-endian), then the PNG.
 */
export interface PngImage {
  readonly size: number;
  readonly png: Uint8Array;
}

export function buildIco(images: readonly PngImage[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(image.size >= 256 ? 0 : image.size, at);
    header.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(image.png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += image.png.length;
  });
  return Buffer.concat([header, ...images.map((image) => Buffer.from(image.png))]);
}

/** The icns type of a PNG entry of each size (Apple's "ic07"… for PNG-encoded icons). */
export const icnsTypes: Readonly<Record<number, string>> = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};

export function buildIcns(images: readonly PngImage[]): Buffer {
  const entries = images.map((image) => {
    const type = icnsTypes[image.size];
    if (!type) throw new Error(`icns has no PNG entry for ${image.size} px`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + image.png.length, 4);
    return Buffer.concat([head, Buffer.from(image.png)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}
