/** Where the console keeps its sign-in between visits, and how a wall screen's URL hands one in. */

export interface Credentials {
  readonly engineUrl: string;
  readonly token: string;
}

/** The part of `localStorage` the console uses: injected, so tests run without a DOM. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const key = 'nocturne.credentials';

export function loadCredentials(storage: KeyValueStorage | null): Credentials | null {
  const text = safely(() => storage?.getItem(key) ?? null);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Credentials>;
    return typeof value.engineUrl === 'string' && typeof value.token === 'string'
      ? { engineUrl: value.engineUrl, token: value.token }
      : null;
  } catch {
    return null;
  }
}

export function saveCredentials(storage: KeyValueStorage | null, credentials: Credentials): void {
  safely(() => storage?.setItem(key, JSON.stringify(credentials)));
}

export function forgetCredentials(storage: KeyValueStorage | null): void {
  safely(() => storage?.removeItem(key));
}

/** The one-time `?token=` of an address, without changing anything (see {@link takeTokenFromUrl}). */
export function tokenInUrl(href: string): { token: string; origin: string } | null {
  return takeTokenFromUrl(href, () => undefined);
}

/**
 * A wall screen is set up once with `https://engine/wall?token=noc_…`. The token is taken out of
 * the address (so it is not left in the history, bookmarks or a screenshot of the address bar)
 * and returned for the caller to store. `replace` is `history.replaceState`'s job.
 */
export function takeTokenFromUrl(
  href: string,
  replace: (url: string) => void,
): { token: string; origin: string } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  replace(`${url.pathname}${url.search}${url.hash}`);
  const trimmed = token.trim();
  return trimmed ? { token: trimmed, origin: url.origin } : null;
}

/** localStorage throws in some private modes and when disabled: the console then forgets. */
function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
