import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/api/errors.js';
import { limits } from '../../shared/domain/limits.js';

/** The docs promise numbers and codes to people wiring tools: they must match the code. */
const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');
const rows = (text: string) => text.split('\n').filter((line) => line.startsWith('|'));

describe('docs/api.md', () => {
  const table = rows(doc('api.md'));

  it.each(ErrorCode.options)('lists the error code %s with a status', (code) => {
    const row = new RegExp(`^\\| \`${code}\` +\\| [1-5]\\d\\d `);
    expect(table.some((line) => row.test(line))).toBe(true);
  });

  it('states the name limit of alert sources', () => {
    expect(doc('api.md')).toContain(`1–${limits.nameChars} characters`);
  });
});

describe('docs/ingest.md limits table', () => {
  const section = doc('ingest.md').split('\n## Limits\n')[1]!.split('\n## ')[0]!;
  const table = rows(section);
  // The row that states each limit (by how it starts), and the number in it.
  const rowsOf: Record<Exclude<keyof typeof limits, 'nameChars'>, [string, string]> = {
    maxBodyBytes: [
      'request body',
      `${limits.maxBodyBytes / 1024} KB (${limits.maxBodyBytes} bytes)`,
    ],
    maxJsonDepth: ['nesting', `${limits.maxJsonDepth} levels`],
    maxArrayLength: ['elements of any one array', `${limits.maxArrayLength}`],
    summaryChars: ['summary', `${limits.summaryChars} characters`],
    detailsChars: ['details', `${limits.detailsChars} characters`],
    alertKeyChars: ['alert key', `${limits.alertKeyChars} characters`],
    labelCount: ['labels on one alert', `${limits.labelCount}`],
    labelNameChars: ['label name', `${limits.labelNameChars} characters`],
    labelValueChars: ['label value', `${limits.labelValueChars} characters`],
    linkCount: ['links, images', `${limits.linkCount}`],
    urlChars: ['URL', `${limits.urlChars} characters`],
    shortTextChars: ['link text', `${limits.shortTextChars} characters`],
    commentChars: ['comment ', `${limits.commentChars} characters`],
    customDetailsBytes: ['`customDetails`', `${limits.customDetailsBytes / 1024} KB`],
  };

  it.each(Object.entries(rowsOf))('states %s', (_name, [start, value]) => {
    const row = table.find((line) => line.startsWith(`| ${start}`));
    expect(row, `a row starting "${start}"`).toBeDefined();
    // 65536 may be written 65,536.
    const cells = row!.split('|').map((cell) => cell.trim().replaceAll(',', ''));
    expect(cells[2], row).toBe(value);
  });
});
