import type { BadgeVariant } from '../main/tray/trayBadge.js';

/**
 * The app's icon and tray badges as SVG (rendered to PNG by scripts/renderIcons.ts). Digits are
 * drawn as strokes (seven segments), not text, so the output needs no font and is the same on
 * every machine.
 */

const night = '#101418';
const amber = '#f0a500';
const badgeColours: Record<Exclude<BadgeVariant, 'none'>, string> = { low: amber, high: '#e5484d' };

/** A crescent: a full disc minus an offset disc, on a 100 × 100 canvas. */
const crescent = (fill: string) =>
  `<mask id="bite"><rect width="100" height="100" fill="white"/><circle cx="62" cy="38" r="30" fill="black"/></mask>` +
  `<circle cx="46" cy="54" r="34" fill="${fill}" mask="url(#bite)"/>`;

export function appIconSvg(): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
    `<rect x="2" y="2" width="96" height="96" rx="22" fill="${night}"/>` +
    `<g transform="translate(6 2) scale(0.88)">${crescent(amber)}</g>` +
    // A pulse line: the alert engine's heartbeat.
    `<polyline points="40,74 52,74 57,62 63,84 68,70 84,70" fill="none" stroke="#e8eef4" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/>` +
    `</svg>`
  );
}

const segments: Record<string, [number, number, number, number]> = {
  a: [0, 0, 4, 0],
  b: [4, 0, 4, 3],
  c: [4, 3, 4, 6],
  d: [0, 6, 4, 6],
  e: [0, 3, 0, 6],
  f: [0, 0, 0, 3],
  g: [0, 3, 4, 3],
};
const digitSegments: Record<string, string> = {
  '0': 'abcdef',
  '1': 'bc',
  '2': 'abged',
  '3': 'abgcd',
  '4': 'fgbc',
  '5': 'afgcd',
  '6': 'afgedc',
  '7': 'abc',
  '8': 'abcdefg',
  '9': 'abcdfg',
};

/** One glyph's strokes on a 4 × 6 grid at (x, y) with scale s. */
function glyph(char: string, x: number, y: number, s: number): string {
  const lines: Array<[number, number, number, number]> =
    char === '+'
      ? [
          [0.5, 3, 3.5, 3],
          [2, 1.5, 2, 4.5],
        ]
      : [...(digitSegments[char] ?? '')].map((seg) => segments[seg]!);
  return lines
    .map(
      ([x1, y1, x2, y2]) =>
        `<line x1="${x + x1 * s}" y1="${y + y1 * s}" x2="${x + x2 * s}" y2="${y + y2 * s}"/>`,
    )
    .join('');
}

/** The tray icon: the crescent, and a coloured badge with the count at the lower right. */
export function trayIconSvg(variant: BadgeVariant, label: string): string {
  const base = `<g opacity="${variant === 'none' ? 0.9 : 1}">${crescent('#e8eef4')}</g>`;
  if (variant === 'none' || !label)
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${base}</svg>`;
  const s = label.length > 1 ? 5 : 7;
  const glyphWidth = 4 * s;
  const gap = 1.6 * s;
  const textWidth = label.length * glyphWidth + (label.length - 1) * gap;
  const cx = 66;
  const cy = 66;
  const x0 = cx - textWidth / 2;
  const text = [...label]
    .map((char, i) => glyph(char, x0 + i * (glyphWidth + gap), cy - 3 * s, s))
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${base}` +
    `<circle cx="${cx}" cy="${cy}" r="34" fill="${badgeColours[variant]}" stroke="${night}" stroke-width="4"/>` +
    `<g stroke="white" stroke-width="${label.length > 1 ? 6.5 : 8}" stroke-linecap="round">${text}</g></svg>`
  );
}
