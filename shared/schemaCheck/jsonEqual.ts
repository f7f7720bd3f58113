/**
 * Whether `output` (what zod returned) is the same JSON value as `input`: same primitives
 * (`Object.is`), arrays of equal elements, plain objects with the same own keys and equal values.
 * Anything else — a Date or Map a transform made, a key zod dropped or added — is a difference.
 */
export function jsonEqual(output: unknown, input: unknown): boolean {
  if (Object.is(output, input)) return true;
  if (
    typeof output !== 'object' ||
    typeof input !== 'object' ||
    output === null ||
    input === null
  ) {
    return false;
  }
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) return false;
    for (let i = 0; i < input.length; i += 1) {
      if (!jsonEqual(output[i], input[i])) return false;
    }
    return true;
  }
  if (Array.isArray(output) || !isPlain(output) || !isPlain(input)) return false;
  const outputKeys = Object.keys(output);
  const inputKeys = Object.keys(input);
  if (outputKeys.length !== inputKeys.length) return false;
  const out = output as Record<string, unknown>;
  const inp = input as Record<string, unknown>;
  for (const key of inputKeys) {
    if (!Object.hasOwn(out, key) || !jsonEqual(out[key], inp[key])) return false;
  }
  return true;
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
