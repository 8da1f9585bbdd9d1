/**
 * `npm start` runs the game-day room server inside the Vite process: it listens on a free
 * local port and Vite forwards `/gameday` (HTTP and sockets) to it, so the game reaches
 * its rooms on the page's own origin. Rooms live in memory; start Vite with `--host` to let
 * the local network join. One room server per process: a Vite restart keeps the running one.
 */
import type { Plugin } from 'vite';
import { ROOM_PATH, startGameDayServer, type GameDayServer } from './server.ts';

const KEY = Symbol.for('burn-rate.gameday-server');
type Holder = { [KEY]?: Promise<GameDayServer> };

export function gameDayRooms(): Plugin {
  return {
    name: 'burn-rate-gameday-rooms',
    async config(_config, env) {
      if (env.command !== 'serve' || process.env.BURN_RATE_NO_ROOMS) return undefined;
      const holder = globalThis as Holder;
      holder[KEY] ??= startGameDayServer({
        port: 0,
        host: '127.0.0.1',
        dataDir: process.env.BURN_RATE_DATA ?? null,
        redisUrl: process.env.REDIS_URL ?? null,
      });
      const server = await holder[KEY];
      const target = `http://127.0.0.1:${server.port}`;
      return {
        server: { proxy: { [ROOM_PATH]: { target, ws: true } } },
        preview: { proxy: { [ROOM_PATH]: { target, ws: true } } },
      };
    },
  };
}
