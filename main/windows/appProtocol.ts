import { readFile } from 'node:fs/promises';
import { protocol } from '../platform/electronApi.js';
import { appScheme, mimeTypeOf, resolveAppFile } from './appOrigin.js';
import { securityHeaders } from './contentSecurityPolicy.js';

/** Before `app.ready`: app:// is a standard, secure origin (fetch, storage and CSP 'self' work). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** After `app.ready`: serves the console's files from `rendererRoot` with the CSP headers. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          ...securityHeaders,
          'Content-Type': mimeTypeOf(file),
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders });
    }
  });
}
