/**
 * A room server killed mid-drill (SIGKILL, no goodbye) and started again on the same data
 * directory reopens the room from its log: same code, same log, the clock where it was,
 * and every browser gets its seat back with its key.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Person } from './people.ts';
import { startServerProcess, type ServerProcess } from './processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'burn-rate-restart-'));
const running: ServerProcess[] = [];

afterAll(async () => {
  for (const p of running) await p.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a room server restarted from its data directory', () => {
  it('reopens the room from its log and gives everyone their seat back', async () => {
    const first = await startServerProcess(['--data', dataDir]);
    running.push(first);
    const host = await new Person(first.url, 'Facilitator').host('team-checkout-cascade', { speed: 20 });
    const code = host.welcome!.code;
    const secret = host.welcome!.hostSecret!;
    const ic = await new Person(first.url, 'Ana').join(code, 'ic');
    const ops = await new Person(first.url, 'Bo').join(code, 'ops');
    await host.request('control', { op: 'start' });
    await ops.until(() => (ops.clock?.t ?? 0) >= 130, 'Paycore slows');
    await ops.request('act', { action: 'checkout-dashboard' });
    await ic.request('act', { action: 'declare-sev2' });
    await host.request('control', { op: 'pause' });
    const logBefore = host.log;
    const tBefore = host.clock!.t;
    // Clock marks are written every two seconds; wait for one after the pause.
    await new Promise((r) => setTimeout(r, 2200));
    await first.kill('SIGKILL');
    expect(readFileSync(join(dataDir, `${code}.jsonl`), 'utf8')).toContain('"declare-sev2"');

    const second = await startServerProcess(['--data', dataDir]);
    running.push(second);
    expect(second.output()).toContain(`reopened ${code}`);
    const ops2 = await new Person(second.url, 'Bo', ops.key).join(code, 'comms');
    expect(ops2.welcome!.you).toEqual({ id: ops.id, name: 'Bo', seat: 'ops' });
    expect(ops2.welcome!.log).toEqual(logBefore);
    expect(ops2.welcome!.clock).toMatchObject({ t: tBefore, paused: true, started: true });
    const host2 = await new Person(second.url, 'Facilitator', host.key).rejoinAsHost(code, secret);
    await expect(new Person(second.url, 'Mallory').rejoinAsHost(code, 'not-the-secret-0123456789')).rejects.toThrow('That is not the host');
    await host2.request('control', { op: 'resume' });
    await ops2.until(() => ops2.clock!.t > tBefore, 'the clock runs again');
    expect((await ops2.request('act', { action: 'payments-dashboard' })).entry?.seq).toBe(logBefore.length + 2);
    await Promise.all([ops2.leave(), host2.leave()]);
  }, 180_000);
});
