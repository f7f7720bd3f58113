import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EngineContext } from '../../engineContext.js';
import { EngineError } from '../../errors.js';

type KeyParams = { Params: { key: string } };

/**
 * Heartbeat pings (docs/heartbeats.md): `GET` or `POST /api/v1/heartbeats/{key}`, authenticated
 * by the monitor's key alone, as ingest is by an integration key, and answered `202` once the
 * ping is durable. Cron lines and scripts send whatever body their tool sends (`curl -d`, a
 * log excerpt): it is read past and ignored, never refused for its type.
 */
export function registerHeartbeatPingRoutes(app: FastifyInstance, ctx: EngineContext): void {
  // A scope of its own: its body parser takes any content type without touching the app's.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) =>
      done(null, undefined),
    );

    const ping = async (request: FastifyRequest<KeyParams>, reply: FastifyReply) => {
      const key = request.params.key;
      const wait = ctx.rateLimiter.take(`heartbeat:${key}`);
      if (wait > 0) {
        throw new EngineError(
          429,
          'rate_limited',
          `Too many pings with this key; retry in ${wait} s.`,
          undefined,
          { 'Retry-After': String(wait) },
        );
      }
      try {
        const { monitor } = await ctx.heartbeats.ping(key);
        return reply.code(202).send({
          status: 'accepted',
          monitorId: String(monitor.id),
          monitorStatus: monitor.status,
          deadlineAt:
            monitor.deadlineAt === null ? null : new Date(monitor.deadlineAt).toISOString(),
        });
      } catch (error) {
        if (error instanceof EngineError && error.code === 'unknown_heartbeat_key') {
          ctx.heartbeats.metrics.ping('unknown_key');
        }
        throw error;
      }
    };

    scope.get<KeyParams>('/api/v1/heartbeats/:key', ping);
    scope.post<KeyParams>('/api/v1/heartbeats/:key', ping);
  });
}
