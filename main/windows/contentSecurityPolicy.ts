/**
 * The console's Content-Security-Policy in the desktop app: scripts, styles and everything else
 * only from the app's own origin; no inline script or style, no eval, no plugins, no frames, no
 * forms, no `<base>`. The renderer never talks to an engine itself (main does, over IPC), so
 * `connect-src` is the app's own origin only.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Response headers for every page and asset of the app (the protocol handler and webRequest). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};
