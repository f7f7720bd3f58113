import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EngineContext } from '../../engineContext.js';
import { consoleHtmlHeaders, consoleMissingPage, readConsoleIndex } from '../consoleFiles.js';

/** A year: asset names carry a hash of their content, so a new build has new names. */
const assetMaxAgeMs = 365 * 24 * 60 * 60 * 1000;

/** Paths that are never the console's, even for a browser: the API, ingest, operations. */
const notConsole = /^\/(api|v2|assets|healthz|metrics)(\/|$)/;

/** Whether the browser asks for a page (an address typed, a link, a reload). */
function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').toLowerCase().includes('text/html');
}

/**
 * Whether an unmatched request is a client-side route of the console (`/wall`, `/alerts/42`,
 * `/schedules` …) that a browser loads directly: a GET (or HEAD) asking for HTML, outside the
 * API and ingest paths, and not a file name. Everything else keeps its JSON 404.
 */
export function isConsoleRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (notConsole.test(path) || /\.[a-z0-9]+$/i.test(path)) return false;
  return wantsHtml(request);
}

/** The console's index.html with its security headers, or the "run npm run build" page. */
export async function sendConsoleIndex(reply: FastifyReply, consoleDir: string) {
  const html = await readConsoleIndex(consoleDir);
  return reply
    .code(html === null ? 503 : 200)
    .headers(consoleHtmlHeaders)
    .send(html ?? consoleMissingPage);
}

/**
 * The operator console (docs/console.md): `GET /` is the console for browsers and the engine's
 * index (JSON) for everything else; `/assets/*` are the bundle's files, cached for a year;
 * other client-side routes are answered by app.ts's not-found handler through
 * {@link isConsoleRoute}.
 */
export function registerConsoleRoutes(
  app: FastifyInstance,
  ctx: EngineContext,
  consoleDir: string,
): void {
  const assets = join(consoleDir, 'assets');
  // serve: false: no routes of its own (and no directory listing); reply.sendFile only.
  void app.register(fastifyStatic, { root: assets, serve: false });

  app.get('/', async (request, reply) => {
    if (wantsHtml(request)) return sendConsoleIndex(reply, consoleDir);
    return {
      service: 'nocturne-engine',
      version: ctx.version,
      console: '/',
      api: '/api/v1',
      stream: '/api/v1/stream',
      health: '/healthz',
      metrics: '/metrics',
    };
  });

  app.get<{ Params: { '*': string } }>('/assets/*', (request, reply) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    return reply.sendFile(request.params['*'], assets, {
      maxAge: assetMaxAgeMs,
      immutable: true,
      dotfiles: 'deny',
      index: false,
    });
  });
}
