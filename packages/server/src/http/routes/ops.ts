import { pingDatabase } from '../../store/health';
import type { RouteModule } from '../route-module';

/** Health, readiness and Prometheus metrics. */
export const opsRoutes: RouteModule = (app, ctx) => {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    try {
      await pingDatabase(ctx.store.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ error: 'Database unavailable' });
    }
  });
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
};
