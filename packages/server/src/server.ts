import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { type Context, type ContextOptions, createContext } from './context';
import { buildApp } from './http/app';
import { createScheduler } from './jobs/chat-jobs';

export interface RunningServer {
  app: FastifyInstance;
  ctx: Context;
  url: string;
  close(): Promise<void>;
}

/** Builds the context, the job scheduler and the app, starts listening, and returns how to stop it cleanly. */
export async function startServer(config: Config, opts: ContextOptions = {}): Promise<RunningServer> {
  const ctx = await createContext(config, opts);
  let app: FastifyInstance;
  try {
    if (config.jobsEnabled) {
      ctx.scheduler = await createScheduler(ctx);
      ctx.scheduler.start();
    }
    app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await ctx.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    app,
    ctx,
    url,
    close() {
      closing ??= (async () => {
        await app.close();
        await ctx.close();
      })();
      return closing;
    },
  };
}
