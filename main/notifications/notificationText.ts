/** Alert texts come from monitoring tools: no control characters, bounded length. */
export function cleanText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
