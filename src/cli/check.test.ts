import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { CliIO } from './io.ts';
import { main } from './main.ts';
import { generateSchemaText, SCHEMA_PATH } from './schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function fakeIO(cwd = ROOT): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

describe('scenario check', () => {
  it('prints each diagnostic as file:line:col severity CODE message with its hint, and exits 1 on errors', async () => {
    const io = fakeIO();
    const code = await main(['check', 'test/fixtures/diagnostics/BR021.yaml'], io);
    expect(code).toBe(1);
    expect(io.out[0]).toBe('test/fixtures/diagnostics/BR021.yaml:70:13 error BR021 there is no phase or ending `resolvd`\n  hint: did you mean `resolved`?');
    expect(io.out.at(-1)?.trim()).toBe('checked 1 file: 1 error, 0 warnings');
  });

  it('exits 0 when there are only warnings', async () => {
    const io = fakeIO();
    expect(await main(['check', 'test/fixtures/diagnostics/BR041.yaml'], io)).toBe(0);
    expect(io.out.join('\n')).toContain('warning BR041 cohort shares add up to 1.1, not 1');
  });

  it('prints a JSON array with --json', async () => {
    const io = fakeIO();
    expect(await main(['check', '--json', 'test/fixtures/diagnostics/BR012.yaml', 'test/fixtures/diagnostics/BR013.yaml'], io)).toBe(1);
    const diagnostics = JSON.parse(io.out.join('\n')) as Diagnostic[];
    expect(diagnostics.map((d) => [d.file, d.code, d.line, d.column])).toEqual([
      ['test/fixtures/diagnostics/BR012.yaml', 'BR012', 69, 5],
      ['test/fixtures/diagnostics/BR013.yaml', 'BR013', 89, 11],
    ]);
  });

  it('reports a file it cannot read as a located BR010 error, counted in the summary, and still checks the others', async () => {
    const io = fakeIO();
    expect(await main(['check', 'no/such/scenario.yaml', 'test/fixtures/diagnostics/BR041.yaml'], io)).toBe(1);
    expect(io.err).toEqual([]);
    expect(io.out[0]).toBe(
      'no/such/scenario.yaml:1:1 error BR010 there is no file `no/such/scenario.yaml`\n  hint: check the path; a relative path starts from the folder the command runs in',
    );
    expect(io.out.join('\n')).toContain('warning BR041');
    // Scoring checks add their own warnings for a scenario that loads; the count varies with them.
    expect(io.out.at(-1)?.trim()).toMatch(/^checked 2 files: 1 error, \d+ warnings?$/);
  });

  it('reports a folder or a misspelt file as BR010 with the file meant, in --json too', async () => {
    const io = fakeIO();
    expect(await main(['check', '--json', 'test/fixtures', 'test/fixtures/minimal.yml'], io)).toBe(1);
    const diagnostics = JSON.parse(io.out.join('\n')) as Diagnostic[];
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code, d.message, d.hint])).toEqual([
      ['test/fixtures', 1, 1, 'error', 'BR010', '`test/fixtures` is a folder, not a scenario file', 'give the path of a scenario file, e.g. scenarios/<id>/scenario.yaml'],
      ['test/fixtures/minimal.yml', 1, 1, 'error', 'BR010', 'there is no file `test/fixtures/minimal.yml`', 'did you mean `test/fixtures/minimal.yaml`?'],
    ]);
    const text = fakeIO();
    expect(await main(['check', 'test/fixtures'], text)).toBe(1);
    expect(text.out.at(-1)?.trim()).toBe('checked 1 file: 1 error, 0 warnings');
  });

  it("checks the scenario in a scenario's folder, named by its file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'burn-rate-check-'));
    mkdirSync(join(dir, 'scenarios', 'broken'), { recursive: true });
    writeFileSync(join(dir, 'scenarios', 'broken', 'scenario.yaml'), 'format: 1\nid: broken\n');
    const io = fakeIO(dir);
    expect(await main(['check', '--json', 'scenarios/broken/'], io)).toBe(1);
    const diagnostics = JSON.parse(io.out.join('\n')) as Diagnostic[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set(['scenarios/broken/scenario.yaml']));
    expect(diagnostics.some((d) => d.code === 'BR010')).toBe(false);
    // A scenario that loads is checked whole, scoring included, from its folder.
    const library = fakeIO();
    expect(await main(['check', 'scenarios/tutorial'], library)).toBe(0);
    expect(library.out.join('\n')).toMatch(/scenarios\/tutorial\/scenario\.yaml: scoring references \d+\/\d+ at their expected level/);
  }, 120_000);

  it('checks every scenarios/*/scenario.yaml when given no files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'burn-rate-check-'));
    mkdirSync(join(dir, 'scenarios', 'broken'), { recursive: true });
    writeFileSync(join(dir, 'scenarios', 'broken', 'scenario.yaml'), 'format: 1\nid: broken\n');
    const io = fakeIO(dir);
    expect(await main(['check'], io)).toBe(1);
    expect(io.out[0]).toMatch(/^scenarios\/broken\/scenario\.yaml:1:1 error BR011 /);
  });

  it('rejects unknown options with usage', async () => {
    const io = fakeIO();
    expect(await main(['check', '--jsn'], io)).toBe(2);
    expect(io.err[0]).toContain('unknown option --jsn');
  });
});

describe('scenario (the dispatcher)', () => {
  it('prints usage for an unknown command and lists the commands', async () => {
    const io = fakeIO();
    expect(await main(['chek'], io)).toBe(2);
    expect(io.err[0]).toContain('unknown command `chek`');
    expect(io.err[0]).toMatch(/\n {2}check +check scenario files/);
    expect(io.err[0]).toMatch(/\n {2}schema +write/);
  });

  it('prints a command\'s usage for --help', async () => {
    const io = fakeIO();
    expect(await main(['check', '--help'], io)).toBe(0);
    expect(io.out[0]).toMatch(/^usage: npm run scenario -- check/);
  });
});

describe('scenario schema', () => {
  it('writes the JSON Schema, then --check passes until the file goes stale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'burn-rate-schema-'));
    mkdirSync(join(dir, 'scenarios'));
    const file = join(dir, SCHEMA_PATH);
    expect(await main(['schema', '--check'], fakeIO(dir))).toBe(1);
    expect(await main(['schema'], fakeIO(dir))).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(generateSchemaText());
    expect(await main(['schema', '--check'], fakeIO(dir))).toBe(0);
    writeFileSync(file, '{}\n');
    const io = fakeIO(dir);
    expect(await main(['schema', '--check'], io)).toBe(1);
    expect(io.err[0]).toContain('out of date');
  });

  it('describes the scenario for editors: draft-07, an id, descriptions', () => {
    const schema = JSON.parse(generateSchemaText()) as { $schema: string; $id: string; title: string; properties: Record<string, { description?: string }> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/scenario/);
    expect(schema.title).toBe('Burn Rate scenario');
    expect(schema.properties.timeLimit?.description).toContain('time');
  });
});
