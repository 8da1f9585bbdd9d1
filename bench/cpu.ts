/**
 * CPU time of this process's children (the browser and its helpers), read from /proc: the
 * cores a page keeps busy is the CPU seconds they spend over a wall-clock window.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function children(): Map<number, number> {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(rest[1]));
      cpu.set(Number(name), Number(rest[11]) + Number(rest[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  const mine = new Map<number, number>();
  for (const [pid, ticks] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        mine.set(pid, ticks);
        break;
      }
    }
  }
  return mine;
}

/** Cores used by the browser (all processes this one started) over `ms` of wall time. */
export async function coresOver(ms: number): Promise<number> {
  const before = children();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const after = children();
  const wall = (performance.now() - t0) / 1000;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / TICKS_PER_SECOND / wall;
}
