// A round-robin TCP balancer for the benchmarks (it stands for nginx in front of several
// instances): each new connection goes to the next backend, bytes are piped both ways.
//
//   node bench/tcp-balancer.mjs <listen port> <backend port> [<backend port> …]
// Prints "balancing <port>" once listening. Only 127.0.0.1.
import net from 'node:net';

const [listen, ...backends] = process.argv.slice(2).map(Number);
if (!listen || backends.length === 0) {
  process.stderr.write('usage: node bench/tcp-balancer.mjs <listen port> <backend port> …\n');
  process.exit(2);
}
let next = 0;
const server = net.createServer({ noDelay: true }, (client) => {
  const port = backends[next++ % backends.length];
  const upstream = net.connect({ host: '127.0.0.1', port, noDelay: true });
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.pipe(upstream);
  upstream.pipe(client);
});
server.listen({ host: '127.0.0.1', port: listen, backlog: 4096 }, () => {
  process.stdout.write(`balancing ${listen}\n`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
