import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** A scratch checkout: an empty scenarios/ folder, as `new` expects to find at the root. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'burn-rate-new-'));
  mkdirSync(join(dir, 'scenarios'));
  return dir;
}

async function cli(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('scenario new', () => {
  it('writes the template and its runbook, checks it clean and says what to do next', async () => {
    const dir = workspace();
    const { code, out, err } = await cli(dir, 'new', 'checkout-latency');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('created scenarios/checkout-latency/scenario.yaml');
    expect(out).toContain('created scenarios/checkout-latency/runbooks/high-error-rate.md');
    expect(out).toContain('scenarios/checkout-latency/scenario.yaml checks clean.');
    expect(out).toContain('npm run scenario -- play scenarios/checkout-latency/scenario.yaml --persona L3');
    expect(readFileSync(join(dir, 'scenarios/checkout-latency/scenario.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/scenario\.schema\.json\n/);
  });

  it('refuses to overwrite an existing folder and leaves it as it was', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'scenarios', 'taken'));
    writeFileSync(join(dir, 'scenarios', 'taken', 'notes.md'), 'mine');
    const { code, err } = await cli(dir, 'new', 'taken');
    expect(code).toBe(1);
    expect(err).toContain('scenarios/taken already exists; nothing was written.');
    expect(readdirSync(join(dir, 'scenarios', 'taken'))).toEqual(['notes.md']);
  });

  it('explains a bad id in plain words, without a stack trace', async () => {
    const dir = workspace();
    const { code, err } = await cli(dir, 'new', 'Checkout Latency');
    expect(code).toBe(2);
    expect(err).toBe('error: the id `Checkout Latency` has capital letters; use lowercase letters, digits and dashes; did you mean `checkout-latency`?');
    expect(readdirSync(join(dir, 'scenarios'))).toEqual([]);
  });

  it('fills the service part from a service file', async () => {
    const dir = workspace();
    const { code, out } = await cli(dir, 'new', 'auth-day', '--from-service', join(ROOT, 'docs/examples/service.yaml'));
    expect(code).toBe(0);
    expect(out).toContain('created scenarios/auth-day/runbooks/high-latency.md');
    expect(out).toContain('checks clean');
    expect(readFileSync(join(dir, 'scenarios/auth-day/scenario.yaml'), 'utf8')).toContain('name: user-auth-service');
  });

  it('builds a skeleton from a postmortem that loads, listing the judgement calls as warnings', async () => {
    const dir = workspace();
    const { code, out } = await cli(dir, 'new', 'payments-pool', '--from-postmortem', join(ROOT, 'docs/examples/postmortem.md'));
    expect(code).toBe(0);
    expect(out).toMatch(/scenarios\/payments-pool\/scenario\.yaml: 0 errors, \d+ warnings to work through\./);
    expect(out).toContain('warning BR060');
  });

  it('reports a broken input file at its line and writes nothing', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'pm.md'), '# Outage\n\n## Timeline\n- 14:02 — Deploy\n- later the alert fires\n');
    const { code, err } = await cli(dir, 'new', 'outage', '--from-postmortem', 'pm.md');
    expect(code).toBe(1);
    expect(err).toContain('pm.md:5:3 error BR016 this timeline entry does not start with a time');
    expect(err).toContain('no scenario written: fix 1 problem in pm.md first');
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'scenarios', 'outage'))).toBe(false);
  });

  it('writes a draft from a postmortem with a timeline table that checks with no errors', async () => {
    for (const name of ['table-timeline']) {
      const dir = workspace();
      const { code, out, err } = await cli(dir, 'new', name, '--from-postmortem', join(ROOT, `test/fixtures/postmortems/${name}.md`));
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`scenarios/${name}/scenario\\.yaml: 0 errors, \\d+ warnings to work through\\.`));
      const written = await cli(dir, 'check', `scenarios/${name}/scenario.yaml`);
      expect(written.out + written.err).toMatch(/0 errors/);
    }
  });

  it('turns odd input files into one plain message each, and writes nothing', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'notes.md'), '# Outage\n\nSomething broke and we fixed it.\n');
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'huge.md'), `# Big\n\n## Timeline\n${'- 10:00 — x\n'.repeat(200_000)}`);
    const cases: Array<[string, string]> = [
      ['empty.md', 'empty.md:1:1 error BR004 the file is empty, but a postmortem was expected'],
      ['notes.md', 'notes.md:1:1 error BR011 the postmortem has no `## Timeline` section'],
      ['image.png', 'image.png:1:1 error BR004 this is not a text file (it holds control bytes)'],
      ['huge.md', 'error: cannot read huge.md: it is 2800019 bytes, more than the 2097152 allowed'],
    ];
    for (const [file, message] of cases) {
      const { code, err } = await cli(dir, 'new', 'odd', '--from-postmortem', file);
      expect(code).toBe(1);
      expect(err).toContain(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(join(dir, 'scenarios'))).toEqual([]);
  });

  it('says plainly when an input file is missing, and rejects contradictory options', async () => {
    const dir = workspace();
    expect((await cli(dir, 'new', 'x', '--from-service', 'nope.yaml')).err).toBe('error: cannot read nope.yaml: no such file');
    const both = await cli(dir, 'new', 'x', '--from-service', 'a.yaml', '--from-postmortem', 'b.md');
    expect(both.code).toBe(2);
    expect(both.err).toContain('use --from-service or --from-postmortem, not both');
  });
});

describe('scenario graph', () => {
  it('prints Mermaid for a library scenario, or wraps it for markdown', async () => {
    const plain = await cli(ROOT, 'graph', 'scenarios/auth-canary/scenario.yaml');
    expect(plain.code).toBe(0);
    expect(plain.out.split('\n')).toContain('stateDiagram-v2');
    const md = await cli(ROOT, 'graph', 'scenarios/auth-canary/scenario.yaml', '--markdown');
    expect(md.out.startsWith('```mermaid\n')).toBe(true);
    expect(md.out.endsWith('```')).toBe(true);
  });

  it('lists the errors instead of drawing a broken scenario', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'broken.yaml'), 'format: 1\nid: x\n');
    const { code, err } = await cli(dir, 'graph', 'broken.yaml');
    expect(code).toBe(1);
    expect(err).toContain('broken.yaml:1:1 error BR011');
    expect(err).toContain('no graph: broken.yaml has errors');
  });
});

describe('scenario docs', () => {
  it('finds docs/authoring.md up to date', async () => {
    const { code, out } = await cli(ROOT, 'docs', '--check');
    expect(code).toBe(0);
    expect(out).toBe('docs/authoring.md is up to date');
  });
});
