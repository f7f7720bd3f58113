/**
 * Size limits of everything the engine accepts. Documented in docs/ingest.md; the console uses
 * the same numbers to explain a truncated field. Strings over a *truncated* limit are cut (with
 * an ellipsis), strings over a *rejected* limit answer 400.
 */
export const limits = {
  /** Bytes of a request body; more answers 413. (PagerDuty's own limit.) */
  maxBodyBytes: 512 * 1024,
  /** Nesting of arrays and objects in a request body; deeper answers 400 `too_deeply_nested`. */
  maxJsonDepth: 32,
  /** Elements of any one array in a request body; more answers 400 `array_too_long`. */
  maxArrayLength: 1000,
  /** Characters of an alert summary; longer is truncated. (PagerDuty's limit.) */
  summaryChars: 1024,
  /** Characters of alert details; longer is truncated. */
  detailsChars: 64 * 1024,
  /** Characters of an alert key (dedup key, fingerprint); longer is rejected (a cut key would merge alerts). */
  alertKeyChars: 255,
  /** Labels on one alert; more answers 400. */
  labelCount: 100,
  /** Characters of a label name; longer is rejected. */
  labelNameChars: 128,
  /** Characters of a label value; longer is truncated. */
  labelValueChars: 1024,
  /** Links or images on one alert; more answers 400. */
  linkCount: 20,
  /** Characters of a URL in a link or image; longer is rejected. */
  urlChars: 2048,
  /** Characters of a link text, image alt, comment author; longer is truncated. */
  shortTextChars: 512,
  /** Characters of a comment; longer is truncated. */
  commentChars: 16 * 1024,
  /** Bytes of customDetails once serialized; larger is rejected. */
  customDetailsBytes: 64 * 1024,
  /** Characters of a name (alert source, user); longer is rejected. */
  nameChars: 200,
} as const;

const ellipsis = '…';

/**
 * Cuts `text` to at most `max` characters (UTF-16 code units, never splitting a surrogate pair),
 * ending with an ellipsis when something was cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ellipsis.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not split a surrogate pair
  return text.slice(0, end) + ellipsis;
}
