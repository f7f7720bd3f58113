/**
 * Remembers the last call: the same arguments (by identity) give the same result without
 * recomputing. Enough for selectors over an immutable store, where "changed" means "another
 * object"; and the same result object keeps React from re-rendering.
 */
export function memoizeLast<A extends readonly unknown[], R>(compute: (...args: A) => R) {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A): R => {
    if (
      lastArgs &&
      lastArgs.length === args.length &&
      args.every((a, i) => Object.is(a, lastArgs![i]))
    ) {
      return lastResult;
    }
    lastResult = compute(...args);
    lastArgs = args;
    return lastResult;
  };
}
