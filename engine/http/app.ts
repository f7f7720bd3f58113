import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { limits } from '../../shared/domain/limits.js';
import type { EngineContext } from '../engineContext.js';
import { EngineError } from '../errors.js';
import { toErrorReply } from './errorReply.js';
import { parseJsonBody } from './jsonBody.js';
import { registerAlertRoutes } from './routes/alertRoutes.js';
import { registerAlertSourceRoutes } from './routes/alertSourceRoutes.js';
import { registerCalendarFeedRoutes } from './routes/calendarFeedRoutes.js';
import { isConsoleRoute, registerConsoleRoutes, sendConsoleIndex } from './routes/consoleRoutes.js';
import { defaultConsoleDir } from './consoleFiles.js';
import { registerEscalationPolicyRoutes } from './routes/escalationPolicyRoutes.js';
import { registerHeartbeatMonitorRoutes } from './routes/heartbeatMonitorRoutes.js';
import { registerHeartbeatPingRoutes } from './routes/heartbeatPingRoutes.js';
import { registerMaintenanceWindowRoutes } from './routes/maintenanceWindowRoutes.js';
import { registerIngestRoutes, type IngestRouteConfig } from './routes/ingestRoutes.js';
import { registerNotificationRoutes } from './routes/notificationRoutes.js';
import { registerScheduleRoutes } from './routes/scheduleRoutes.js';
import { registerSystemRoutes } from './routes/systemRoutes.js';
import { registerTeamRoutes } from './routes/teamRoutes.js';
import { registerTokenRoutes } from './routes/tokenRoutes.js';
import { registerUserRoutes } from './routes/userRoutes.js';

export interface HttpOptions {
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | null;
  /** Log lines for unexpected errors. */
  readonly logError: (message: string, error: unknown) => void;
  /** True once the engine is shutting down: new requests answer 503 `shutting_down`. */
  readonly isClosing: () => boolean;
  /** Where the built operator console is (default: the project's dist/renderer). */
  readonly consoleDir?: string;
}

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}
const registered = new WeakMap<FastifyInstance<Server>, RegisteredRoute[]>();

/**
 * Every route of an app made by {@link createHttpApp}: test/engine/routeRoles.test.ts requires
 * each `/api/v1` route to be in its table of roles, so a route without a check cannot slip in.
 */
export function registeredRoutes(app: FastifyInstance<Server>): readonly RegisteredRoute[] {
  return registered.get(app) ?? [];
}

/**
 * The engine's HTTP API on Fastify: one JSON body parser that refuses invalid UTF-8, too deep or
 * too long structures and bodies over 512 KB; one error shape (`{error: {code, message}}`);
 * metrics per route. The caller listens on `app.server`.
 */
export function createHttpApp(ctx: EngineContext, options: HttpOptions): FastifyInstance<Server> {
  const app = Fastify({
    bodyLimit: limits.maxBodyBytes,
    logger: false,
    return503OnClosing: false, // answered in our own shape by the onRequest hook below
    forceCloseConnections: true,
    // Errors Fastify raises before routing (a bad %-escape, an overlong path parameter) skip
    // the error handler; without this they answer in Fastify's own shape.
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = toErrorReply(error);
      void (reply as unknown as FastifyReply).code(status).send(body);
    },
    serverFactory: (handler) =>
      (options.tls
        ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
        : createHttpServer(handler)) as Server,
  }) as unknown as FastifyInstance<Server>;

  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorate('tokenUsage', ctx.tokenUsage);

  app.addHook('onRequest', async (_request, reply) => {
    if (!options.isClosing()) return;
    const { status, body } = toErrorReply(
      new EngineError(503, 'shutting_down', 'The engine is shutting down; retry in a moment.'),
    );
    return reply.code(status).headers({ 'Retry-After': '5', Connection: 'close' }).send(body);
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      const encoding = request.headers['content-encoding'];
      if (encoding && encoding.toLowerCase() !== 'identity') {
        throw new EngineError(
          415,
          'unsupported_media_type',
          `Bodies compressed with "${encoding}" are not accepted; send the JSON uncompressed.`,
        );
      }
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body, headers, unexpected } = toErrorReply(error);
    if (unexpected) options.logError(`${request.method} ${request.url} failed`, error);
    return reply.code(status).headers(headers).send(body);
  });

  const consoleDir = options.consoleDir ?? defaultConsoleDir();
  app.setNotFoundHandler((request, reply) => {
    // A browser loading a client-side route of the console (/wall, /alerts/42) gets the console.
    if (isConsoleRoute(request)) return sendConsoleIndex(reply, consoleDir);
    const { status, body } = toErrorReply(
      new EngineError(
        404,
        'not_found',
        `There is no ${request.method} ${request.url.split('?')[0]} here; the API is under /api/v1.`,
      ),
    );
    return reply.code(status).send(body);
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ route, status: reply.statusCode });
    const format = (request.routeOptions.config as IngestRouteConfig | undefined)?.format;
    if (!format) return;
    ctx.metrics.ingestLatency.observe({ format }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 400) {
      ctx.metrics.eventsReceived.inc({
        format,
        outcome: reply.statusCode === 429 ? 'rate_limited' : 'rejected',
      });
    }
  });

  registerSystemRoutes(app, ctx);
  registerConsoleRoutes(app, ctx, consoleDir);
  registerIngestRoutes(app, ctx, options.logError);
  registerAlertSourceRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  registerScheduleRoutes(app, ctx);
  registerCalendarFeedRoutes(app, ctx);
  registerEscalationPolicyRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerHeartbeatMonitorRoutes(app, ctx);
  registerHeartbeatPingRoutes(app, ctx);
  registerMaintenanceWindowRoutes(app, ctx);
  return app;
}
