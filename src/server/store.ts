/**
 * Each room's log on disk, one JSON object per line, appended as the room runs: a header
 * (scenario, seed, the host secret's hash), then team log entries, seat keys and clock
 * marks. A killed server reads these files back and reopens every unfinished room where
 * it was. Writes are synchronous appends: a line is on disk before its broadcast.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamLogEntry, TeamSpeed } from '../sim/team-log.ts';

export interface RoomHeader {
  kind: 'header';
  code: string;
  scenarioId: string;
  seed: number;
  speed: TeamSpeed;
  hostSecretHash: string;
}

/** A line of a room file. */
export type RoomLine =
  | RoomHeader
  | { kind: 'entry'; entry: TeamLogEntry }
  /** Which browser holds which player id (kept off the wire). */
  | { kind: 'seat'; browserKey: string; player: string }
  /** Where the clock was; the last one is where a restored room resumes. */
  | { kind: 'clock'; t: number; speed: TeamSpeed; paused: boolean };

/** What a room file holds, read back. */
export interface StoredRoom {
  header: RoomHeader;
  entries: TeamLogEntry[];
  seats: Map<string, string>;
  clockT: number;
  paused: boolean;
  speed: TeamSpeed;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A data directory of room files. */
export class RoomStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private path(code: string): string {
    return join(this.dir, `${code}.jsonl`);
  }

  create(header: RoomHeader): void {
    writeFileSync(this.path(header.code), `${JSON.stringify(header)}\n`, { flag: 'wx' });
  }

  append(code: string, line: RoomLine): void {
    appendFileSync(this.path(code), `${JSON.stringify(line)}\n`);
  }

  /** Reads one room back; null if its file is missing or its header unreadable. A torn last line is skipped. */
  read(code: string): StoredRoom | null {
    let text: string;
    try {
      text = readFileSync(this.path(code), 'utf8');
    } catch {
      return null;
    }
    let stored: StoredRoom | null = null;
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: RoomLine;
      try {
        line = JSON.parse(raw) as RoomLine;
      } catch {
        continue;
      }
      if (line.kind === 'header') {
        stored = { header: line, entries: [], seats: new Map(), clockT: 0, paused: false, speed: line.speed };
      } else if (!stored) {
        return null;
      } else if (line.kind === 'entry') {
        stored.entries.push(line.entry);
        stored.clockT = Math.max(stored.clockT, line.entry.t);
      } else if (line.kind === 'seat') {
        stored.seats.set(line.browserKey, line.player);
      } else if (line.kind === 'clock') {
        stored.clockT = Math.max(stored.clockT, line.t);
        stored.paused = line.paused;
        stored.speed = line.speed;
      }
    }
    return stored;
  }

  /** Codes of every room on disk. */
  codes(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => f.slice(0, -'.jsonl'.length));
    } catch {
      return [];
    }
  }

  has(code: string): boolean {
    return this.codes().includes(code);
  }
}
