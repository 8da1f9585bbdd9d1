/**
 * The command line against files that are not what they seem: pipes, devices, links out
 * of the scenario's folder, loops, and times far past any run. Each gets a plain,
 * located answer and the command ends.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/scenario-text.ts';
import { main } from './main.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const HOSTILE = join(FIXTURES, 'hostile');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the minimal scenario in a fresh folder, whose runbook is whatever `runbook` makes. */
function scenarioWithRunbook(runbook: (path: string, dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'burn-rate-hostile-'));
  mkdirSync(join(dir, 'runbooks'));
  copyFileSync(join(FIXTURES, 'minimal.yaml'), join(dir, 'scenario.yaml'));
  runbook(join(dir, 'runbooks', 'high-errors.md'), dir);
  return join(dir, 'scenario.yaml');
}

describe('check on files that are not regular files', () => {
  it('refuses a named pipe instead of waiting on it for ever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'burn-rate-fifo-'));
    const fifo = join(dir, 'scenario.yaml');
    execFileSync('mkfifo', [fifo]);
    const { code, out } = await cli('check', fifo);
    expect(code).toBe(1);
    expect(out).toContain('BR010');
    expect(out).toContain('is a named pipe, not a regular file');
  });

  it.each(['/dev/zero', '/dev/urandom'])('refuses %s as a scenario', async (device) => {
    const { code, out } = await cli('check', device);
    expect(code).toBe(1);
    expect(out).toContain(`${device}:1:1 error BR010`);
    expect(out).toContain('is a device, not a regular file');
  });

  it('refuses a runbook that is a link to /dev/zero, at the runbook line', async () => {
    const file = scenarioWithRunbook((path) => symlinkSync('/dev/zero', path));
    const { code, out } = await cli('check', file);
    expect(code).toBe(1);
    expect(out).toMatch(/scenario\.yaml:40:11 error BR044 the runbook file `runbooks\/high-errors\.md` cannot be read/);
    expect(out).toContain('outside the scenario');
  });

  it('does not follow a runbook link that leaves the scenario folder', async () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'burn-rate-secret-')), 'notes.md');
    writeFileSync(secret, '# Secret\n');
    const file = scenarioWithRunbook((path) => symlinkSync(secret, path));
    const { code, out } = await cli('check', file);
    expect(code).toBe(1);
    expect(out).toContain('BR044');
    expect(out).toContain(`is a link to \`${secret}\`, outside the scenario's folder`);
  });

  it('still reads a runbook linked to a file inside the folder', async () => {
    const file = scenarioWithRunbook((path, dir) => {
      writeFileSync(join(dir, 'shared.md'), '# High error rate\n');
      symlinkSync(join(dir, 'shared.md'), path);
    });
    const { out } = await cli('check', file);
    expect(out).not.toContain('BR044');
  });

  it('refuses a runbook that is a named pipe', async () => {
    const file = scenarioWithRunbook((path) => execFileSync('mkfifo', [path]));
    const { out } = await cli('check', file);
    expect(out).toContain('BR044');
    expect(out).toContain('is a named pipe, not a regular file');
  });
});

describe('loops', () => {
  it('check names a goto loop instead of hanging', async () => {
    const { code, out } = await cli('check', join(FIXTURES, 'loops', 'goto-mid-run.yaml'));
    expect(code).toBe(1);
    expect(out).toContain('BR055 phases `paused` → `stalled` → `paused` move into each other endlessly');
  });

  it('play ends a run that enters a loop the checker could only warn of, with an error ending', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'burn-rate-log-')), 'log.json');
    writeFileSync(log, JSON.stringify([{ at: 60, do: 'compare-cohorts' }, { at: 240, choose: 'declare.wait' }]));
    const { code, out } = await cli('play', join(FIXTURES, 'loops', 'flip-flop-known.yaml'), '--choices', log);
    expect(code).toBe(0);
    expect(out).toMatch(/ended 04:\d0: The scenario loops \(error\)/);
  });
});

describe('times and sizes in choice logs', () => {
  const play = (log: string) => cli('play', 'scenarios/auth-canary/scenario.yaml', '--choices', join(HOSTILE, log));

  it('refuses a choice at 1e300 s rather than running the clock to the end', async () => {
    const { code, err } = await play('choices-at-1e300.json');
    expect(code).toBe(2);
    expect(err).toContain('at [1].at: a duration is at most 1000000000 seconds');
  });

  it('refuses a choice after the time limit, naming it', async () => {
    const { code, err } = await play('choices-after-limit.json');
    expect(code).toBe(2);
    expect(err).toMatch(/at \[1\]\.at: 25h is after the scenario's time limit \(\d+[hm]\)/);
  });

  it('refuses a 400-digit duration instead of reading it as Infinity', async () => {
    const { code, err } = await play('choices-400-digits.json');
    expect(code).toBe(2);
    expect(err).toContain('at [0].at: a duration is at most 1000000000 seconds');
  });

  it('refuses a choice log that is a device, instead of reading for ever', async () => {
    const { code, err } = await cli('play', 'scenarios/auth-canary/scenario.yaml', '--choices', '/dev/zero');
    expect(code).toBe(2);
    expect(err).toBe('error: cannot read the choice log /dev/zero: it is a device, not a regular file');
  });

  it('says a 5,001-choice log is too long, not that it is not a list', async () => {
    const { code, err } = await play('choices-5001.json');
    expect(code).toBe(2);
    expect(err).toContain('the choice log holds 5,001 choices; at most 5,000 are allowed');
  });
});
