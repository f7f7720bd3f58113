import { z } from 'zod';
import { limits, truncate } from '../../shared/domain/limits.js';

/**
 * Field schemas shared by the inbound formats. Text that may be long is cut to its documented
 * limit (never rejected); keys, names and URLs over their limits are rejected, because cutting
 * them would change what they mean.
 */
export const cutText = (max: number) => z.string().transform((s) => truncate(s, max));

/**
 * `table[key]` for a key the sender chose, counting only the table's own entries: a plain
 * `table[key]` answers `"constructor"` or `"__proto__"` with Object's members, which then flow on
 * as an action or a severity (a 500 at best).
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export const summaryText = cutText(limits.summaryChars);
export const detailsText = cutText(limits.detailsChars);
export const shortText = cutText(limits.shortTextChars);

export const alertKeyText = z
  .string()
  .max(limits.alertKeyChars, `an alert key has at most ${limits.alertKeyChars} characters`);

export const url = z
  .string()
  .min(1)
  .max(limits.urlChars, `a URL has at most ${limits.urlChars} characters`);

export const labelsMap = z
  .record(
    z
      .string()
      .min(1)
      .max(limits.labelNameChars, `a label name has at most ${limits.labelNameChars} characters`),
    z
      .union([z.string(), z.number(), z.boolean()], {
        error: 'a label value is a string, a finite number or a boolean',
      })
      .transform((v) => truncate(String(v), limits.labelValueChars)),
  )
  .refine((m) => Object.keys(m).length <= limits.labelCount, `at most ${limits.labelCount} labels`);

export const linksList = z
  .array(z.object({ href: url, text: shortText.optional().nullable() }))
  .max(limits.linkCount, `at most ${limits.linkCount} links`)
  .transform((links) => links.map((l) => ({ href: l.href, text: l.text ?? null })));

export const imagesList = z
  .array(
    z.object({ src: url, href: url.optional().nullable(), alt: shortText.optional().nullable() }),
  )
  .max(limits.linkCount, `at most ${limits.linkCount} images`)
  .transform((images) =>
    images.map((i) => ({ src: i.src, href: i.href ?? null, alt: i.alt ?? null })),
  );

/** Free-form details; kept as sent, up to a size. */
export const customDetailsValue = z
  .unknown()
  .refine(
    (v) => v === undefined || Buffer.byteLength(JSON.stringify(v)) <= limits.customDetailsBytes,
    `custom details take at most ${limits.customDetailsBytes / 1024} KB as JSON`,
  );
