import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../engineContext.js';

/**
 * Health and metrics: no token needed (`/api/v1/me` is in ./userRoutes.ts; `/`, the console and
 * the index, in ./consoleRoutes.ts).
 */
export function registerSystemRoutes(app: FastifyInstance, ctx: EngineContext): void {
  app.get('/healthz', async (_request, reply) => {
    const store = ctx.store.health();
    return reply.code(store.ok ? 200 : 503).send({
      status: store.ok ? 'ok' : 'failing',
      problem: store.problem,
      version: ctx.version,
      uptimeSeconds: Math.round(process.uptime()),
      streamId: ctx.hub.streamId,
      consoles: ctx.hub.clientCount,
      store: {
        seq: store.seq,
        durableSeq: store.durableSeq,
        journalBytes: store.journalBytes,
        lastSnapshotSeq: store.lastSnapshotSeq,
      },
    });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await ctx.metrics.registry.metrics();
    return reply.header('Content-Type', ctx.metrics.registry.contentType).send(text);
  });
}
