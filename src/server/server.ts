/**
 * The game-day room server: one HTTP server that answers the Colyseus matchmaking routes
 * and room sockets under `/gameday`, a status route for join codes, and (for `npm run
 * serve`) the built game's files. In-memory by default; with a Redis URL, rooms are shared
 * between processes. With a data directory, every room's log is appended to disk and a
 * restarted server reopens the rooms that had not finished.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { matchMaker, Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ScenarioLibrary } from './library.ts';
import { JOIN_ERRORS, JoinCode, ROOM_NAME } from './protocol.ts';
import { configureRooms, GameDayRoom } from './room.ts';
import { RoomStore } from './store.ts';

/** The path every game-day request goes under, so one origin can serve the game and its rooms. */
export const ROOM_PATH = '/gameday';

export interface GameDayServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for the local network. */
  host?: string;
  /** Folder of scenario folders (default: ./scenarios). */
  scenariosDir?: string;
  /** Folder for room logs; none keeps rooms in memory only. */
  dataDir?: string | null;
  /** Redis URL: presence and room listing shared with other processes. */
  redisUrl?: string | null;
  /** Folder of the built game to serve beside the rooms (`npm run serve`). */
  staticDir?: string | null;
  /** Real milliseconds between clock updates in rooms (default 100). */
  frameMs?: number;
  /** Multiplies every room's speed; for tests and benchmarks only (default 1). */
  timeScale?: number;
}

export interface GameDayServer {
  port: number;
  /** Base URL a browser's room client uses, e.g. http://127.0.0.1:2567/gameday. */
  url: string;
  /** Rooms reopened from the data directory at start. */
  restored: string[];
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  let file = normalize(join(root, path));
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

async function redisServices(url: string): Promise<{ presence: Presence; driver: matchMaker.MatchMakerDriver }> {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  return { presence: new RedisPresence(url) as unknown as Presence, driver: new RedisDriver(url) as unknown as matchMaker.MatchMakerDriver };
}

/** Starts a room server. Only one runs per process (Colyseus's matchmaker is process-wide). */
export async function startGameDayServer(options: GameDayServerOptions = {}): Promise<GameDayServer> {
  const host = options.host ?? '127.0.0.1';
  const store = options.dataDir ? new RoomStore(resolve(options.dataDir)) : null;
  const library = new ScenarioLibrary(resolve(options.scenariosDir ?? 'scenarios'));
  configureRooms({ library, store, frameMs: options.frameMs ?? 100, timeScale: options.timeScale ?? 1 });

  // Colyseus answers on an HTTP server that never listens itself; the public server hands it
  // the requests and socket upgrades under ROOM_PATH, so the game and its rooms share an origin.
  const inner = createServer();
  const transport = new WebSocketTransport({ server: inner, maxPayload: 8 * 1024, pingInterval: 5000, pingMaxRetries: 3 });
  const redis = options.redisUrl ? await redisServices(options.redisUrl) : null;
  const outer: HttpServer = createServer((req, res) => route(req, res));
  await new Promise<void>((ok, fail) => {
    outer.once('error', fail);
    outer.listen(options.port ?? 0, host, () => ok());
  });
  const port = (outer.address() as AddressInfo).port;
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const colyseus = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false,
    ...(redis ? { presence: redis.presence, driver: redis.driver, publicAddress: `${publicHost}:${port}${ROOM_PATH}` } : {}),
  });
  colyseus.define(ROOM_NAME, GameDayRoom);
  await colyseus.serverless();

  async function status(code: string, res: ServerResponse): Promise<void> {
    const json = (body: object, statusCode = 200): void => {
      res.writeHead(statusCode, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!JoinCode.safeParse(code).success) return json({ status: 'unknown', message: JOIN_ERRORS.noRoom(code.slice(0, 12)) });
    const live = await matchMaker.query({ roomId: code });
    if (live.length > 0) return json({ status: 'live', message: '' });
    if (store?.has(code)) return json({ status: 'finished', message: JOIN_ERRORS.finished(code) });
    return json({ status: 'unknown', message: JOIN_ERRORS.noRoom(code) });
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    if (url === ROOM_PATH || url.startsWith(`${ROOM_PATH}/`)) {
      const rest = url.slice(ROOM_PATH.length) || '/';
      const statusMatch = /^\/status\/([^/?]+)/.exec(rest);
      if (statusMatch) {
        status(decodeURIComponent(statusMatch[1] as string).toUpperCase(), res).catch(() => res.writeHead(500).end());
        return;
      }
      req.url = rest;
      inner.emit('request', req, res);
      return;
    }
    if (options.staticDir) return serveStatic(resolve(options.staticDir), req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }

  outer.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (!(req.url ?? '').startsWith(`${ROOM_PATH}/`)) {
      socket.destroy();
      return;
    }
    req.url = (req.url as string).slice(ROOM_PATH.length);
    inner.emit('upgrade', req, socket, head);
  });

  // Reopen the rooms a stopped server left unfinished.
  const restored: string[] = [];
  if (store) {
    for (const code of store.codes()) {
      const stored = store.read(code);
      if (!stored) continue;
      const last = stored.entries[stored.entries.length - 1];
      if (last?.event.type === 'end') continue;
      try {
        await matchMaker.createRoom(ROOM_NAME, { restore: code });
        const room = matchMaker.getLocalRoomById(code) as GameDayRoom | undefined;
        if (room?.team.ended) {
          await room.disconnect();
          continue;
        }
        restored.push(code);
      } catch {
        // A room whose scenario no longer loads stays on disk, closed.
      }
    }
  }

  return {
    port,
    url: `http://${publicHost}:${port}${ROOM_PATH}`,
    restored,
    async stop() {
      await matchMaker.gracefullyShutdown().catch(() => {});
      transport.shutdown();
      await redis?.driver.shutdown();
      redis?.presence.shutdown();
      await new Promise<void>((ok) => {
        outer.closeAllConnections();
        outer.close(() => ok());
      });
    },
  };
}
