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

/**
 * Builds the context, the job scheduler and the app, and runs `start` on the app (listen, or
 * only `ready` for tests that inject requests); closes the context if any of it fails.
 */
export async function prepareServer(
  config: Config,
  opts: ContextOptions,
  start: (app: FastifyInstance) => PromiseLike<unknown>,
): Promise<Omit<RunningServer, 'url'>> {
  const ctx = await createContext(config, opts);
  try {
    if (config.jobsEnabled) {
      ctx.scheduler = await createScheduler(ctx);
      ctx.scheduler.start();
    }
    const app = await buildApp(ctx);
    await start(app);
    let closing: Promise<void> | null = null;
    const close = () => {
      closing ??= (async () => {
        await app.close();
        await ctx.close();
      })();
      return closing;
    };
    return { app, ctx, close };
  } catch (err) {
    await ctx.close();
    throw err;
  }
}

/** Builds the context, the job scheduler and the app, starts listening, and returns how to stop it cleanly. */
export async function startServer(config: Config, opts: ContextOptions = {}): Promise<RunningServer> {
  const server = await prepareServer(config, opts, (a) => a.listen({ port: config.port, host: config.host }));
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  return { ...server, url };
}
