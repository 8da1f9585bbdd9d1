/**
 * `npm run serve`: the built game and its game-day rooms from one Node process.
 *
 *   --port N        (or PORT)          default 8080
 *   --host ADDR     (or HOST)          default 0.0.0.0, so the local network can join
 *   --data DIR      (or BURN_RATE_DATA) room logs; rooms survive a restart
 *   --redis URL     (or REDIS_URL)     share rooms with other processes
 *   --static DIR                       default dist (run `npm run build` first); "none" for rooms only
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startGameDayServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    redis: { type: 'string' },
    static: { type: 'string' },
    scenarios: { type: 'string' },
    // Runs every drill this many times faster: for tests and benchmarks only.
    'time-scale': { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port ?? process.env.PORT}"`);
  process.exit(2);
}
const staticDir = values.static === 'none' ? null : (values.static ?? 'dist');
if (staticDir && !existsSync(staticDir)) {
  console.error(`There is no built game in ${staticDir}/: run "npm run build" first (or pass --static none to serve rooms only).`);
  process.exit(2);
}

const server = await startGameDayServer({
  port,
  host: values.host ?? process.env.HOST ?? '0.0.0.0',
  dataDir: values.data ?? process.env.BURN_RATE_DATA ?? null,
  redisUrl: values.redis ?? process.env.REDIS_URL ?? null,
  staticDir,
  scenariosDir: values.scenarios ?? 'scenarios',
  timeScale: Number(values['time-scale'] ?? 1) || 1,
});
// The first line is read by tests and scripts that start the server on port 0; both lines
// go out in one write, so whoever sees the port also sees which rooms were reopened.
console.log(`listening ${server.port}\nBurn Rate game day: ${staticDir ? `http://localhost:${server.port}/` : server.url}${server.restored.length ? ` (reopened ${server.restored.join(', ')})` : ''}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}
