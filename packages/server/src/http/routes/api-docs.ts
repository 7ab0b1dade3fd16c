import { openApiDocument } from '@hashchat/api/openapi';
import { renderApiDocs } from '../api-docs-page';
import type { RouteModule } from '../route-module';

const API_VERSION = '0.1.0';

/** The OpenAPI document generated from packages/api, and the same as a readable page. */
export const apiDocsRoutes: RouteModule = (app, ctx) => {
  // Built on first ask, then kept: the contract does not change while the process runs.
  let doc: ReturnType<typeof openApiDocument> | null = null;
  let page: string | null = null;
  const document = () => {
    doc ??= openApiDocument({ version: API_VERSION, serverUrl: ctx.config.publicUrl });
    return doc;
  };
  app.get('/api/openapi.json', async (_req, reply) => reply.type('application/json').send(document()));
  app.get('/api/docs', async (_req, reply) => {
    page ??= renderApiDocs(document());
    return reply.type('text/html; charset=utf-8').send(page);
  });
};
