import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDebrief } from '../scoring/export.ts';
import { parseChoiceLog } from './choice-log.ts';
import { main } from './main.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = 'scenarios/auth-canary/scenario.yaml';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['play', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'burn-rate-play-')), name);
  writeFileSync(path, text);
  return path;
}

describe('scenario play', () => {
  it('replays the reference persona and prints a Markdown debrief headed by the level', async () => {
    const { code, out } = await cli(FILE, '--persona', 'L3');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Acted at: L3 Senior SRE');
    expect(out).toContain('| Dimension | Group | Level | Confidence | Evidence |');
  });

  it('prints the debrief JSON with --json, readable by the importer', async () => {
    const { code, out } = await cli(FILE, '--persona', 'L5', '--json');
    expect(code).toBe(0);
    const read = parseDebrief(out);
    expect(read.ok && read.debrief.overall.level).toBe('L5');
  });

  it('replays a saved choice log, in either shape, with a seed', async () => {
    const list = tempFile('log.json', JSON.stringify([{ at: '18m', ack: true }, { at: 1110, do: 'rollback-canary' }]));
    const wrapped = tempFile('save.json', JSON.stringify({ choices: [{ at: 1090, ack: true }], seed: 4, scenarioId: 'auth-canary' }));
    const a = await cli(FILE, '--choices', list, '--json');
    expect(a.code).toBe(0);
    const b = await cli(FILE, '--choices', wrapped, '--json');
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).seed).toBe(4);
    const c = await cli(FILE, '--choices', wrapped, '--seed', '9', '--json');
    expect(JSON.parse(c.out).seed).toBe(9);
  });

  it('answers a bad choice log in plain words with exit code 2', async () => {
    const broken = tempFile('broken.json', '[{"at": 10, "do": "rollback-canary"},');
    const shapeless = tempFile('shape.json', JSON.stringify([{ at: 10, do: 'x', ack: true }]));
    const r1 = await cli(FILE, '--choices', broken);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/the choice log is not valid JSON/);
    const r2 = await cli(FILE, '--choices', shapeless);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/at \[0\]: each choice gives exactly one of "do", "choose" or "ack"/);
    const r3 = await cli(FILE, '--choices', join(ROOT, 'no-such-log.json'));
    expect(r3).toMatchObject({ code: 2 });
    expect(r3.err).toMatch(/cannot read the choice log .*no such file/);
  });

  it('lists the references of a level that has two, and plays the one named by its id', async () => {
    const minimal = (await import('node:fs')).readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
    const second = '    - id: senior-slow\n      level: L3\n      expect: L3\n      description: Rolls back a minute later.\n      choices:\n        - { at: 1m, ack: true }\n        - { at: 2m, do: compare-cohorts }\n        - { at: 4m, choose: declare.sev2 }\n        - { at: 6m, do: rollback }\n';
    const folder = join(mkdtempSync(join(tmpdir(), 'burn-rate-play-')));
    (await import('node:fs')).mkdirSync(join(folder, 'runbooks'));
    writeFileSync(join(folder, 'runbooks', 'high-errors.md'), '# High error rate\n');
    const file = join(folder, 'scenario.yaml');
    writeFileSync(file, `${minimal.trimEnd()}\n${second}`);
    const listed = await cli(file, '--persona', 'L3');
    expect(listed.code).toBe(2);
    expect(listed.err).toContain('has 2 reference playthroughs for L3; name one by its id');
    expect(listed.err).toMatch(/^ {2}senior$/m);
    expect(listed.err).toMatch(/^ {2}senior-slow: Rolls back a minute later\.$/m);
    const played = await cli(file, '--persona', 'senior-slow');
    expect(played.out).toMatch(/L[1-5]/);
    expect(played.code).toBe(0);
  });

  it('says which personas exist when asked for a missing one, and refuses bad usage', async () => {
    expect(await cli(FILE, '--persona', 'L9')).toMatchObject({ code: 2 });
    expect((await cli(FILE, '--persona', 'L9')).err).toMatch(/has no reference playthrough or play style L9; it has: L1 \(junior\)/);
    expect((await cli(FILE)).code).toBe(2);
    expect((await cli(FILE, '--persona', 'L1', '--seed', 'x')).err).toMatch(/--seed takes a whole number/);
  });

  it('notes choices the run refused, on stderr', async () => {
    const log = tempFile('refused.json', JSON.stringify([{ at: 10, do: 'no-such-action' }]));
    const { code, err } = await cli(FILE, '--choices', log);
    expect(code).toBe(0);
    expect(err).toMatch(/refused 1 choice:\n {2}00:10 no-such-action: there is no such action/);
  });
});

describe('choice logs', () => {
  it('accept durations and both shapes, and keep only the choice fields', () => {
    expect(parseChoiceLog('[{"at": "1m", "ack": true}]')).toEqual({ ok: true, choices: [{ at: 60, ack: true }] });
    expect(parseChoiceLog('{"choices": [{"at": 5, "choose": "p.o"}], "seed": 3, "mode": "assessed"}')).toEqual({
      ok: true,
      choices: [{ at: 5, choose: 'p.o' }],
      seed: 3,
    });
  });
  it('point at the broken choice', () => {
    const r = parseChoiceLog('{"choices": [{"at": 5, "ack": true}, {"at": -1, "do": "x"}]}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^the choice log has a problem at choices\[1\]\.at/);
    const s = parseChoiceLog('"hello"');
    if (!s.ok) expect(s.error).toMatch(/should be a list of choices/);
  });
});
