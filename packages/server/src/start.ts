import { loadConfig } from './config';
import { startServer } from './server';

const started = process.hrtime.bigint();
const config = loadConfig();
const server = await startServer(config);
server.ctx.log.info(
  {
    url: config.publicUrl,
    database: config.database.kind,
    bus: config.redisUrl ? 'redis' : 'memory',
    startMs: Number(process.hrtime.bigint() - started) / 1e6,
  },
  `Hashchat is listening on ${server.url}`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.ctx.log.info({ signal }, 'shutting down');
    server.close().then(
      () => {
        process.exitCode = 0;
      },
      (err) => {
        server.ctx.log.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  });
}
