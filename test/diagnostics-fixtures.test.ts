/**
 * Every diagnostic code has a fixture that triggers it at a known place, and a section
 * in docs/diagnostics.md whose example is taken from that fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { locateScoring } from '../src/cli/scoring-check.ts';
import { ALL_CODES, DIAGNOSTIC_CODES, type DiagnosticCode } from '../src/scenario/diagnostics.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { scoringDiagnostics, SCORING_CODES, type ScoringCode } from '../src/scoring/diagnostics.ts';
import { FIXTURES, fixtureReader } from './support/scenario-text.ts';

const DIR = join(FIXTURES, 'diagnostics');
const ROOT = join(FIXTURES, '..', '..');
const DOCS = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
/** Codes that no file's content can trigger: a bug in the checker, a path that is not a readable file. */
const NO_FIXTURE: DiagnosticCode[] = ['BR000', 'BR010'];
/**
 * Scoring codes documented in docs/diagnostics.md (the others are in docs/scoring.md).
 * Their fixtures are reported by `check`'s scoring, not by the loader.
 */
const SCORING_DOCUMENTED: ScoringCode[] = ['BR068', 'BR069'];
const isScoring = (code: string): code is ScoringCode => (SCORING_DOCUMENTED as string[]).includes(code);
const CODE_NAMES: Record<string, string> = Object.fromEntries([
  ...Object.entries(DIAGNOSTIC_CODES).map(([code, info]) => [code, info.name]),
  ...SCORING_DOCUMENTED.map((code) => [code, SCORING_CODES[code].name]),
]);
const DOCUMENTED_CODES = [...ALL_CODES, ...SCORING_DOCUMENTED].sort();

interface Fixture {
  code: DiagnosticCode | ScoringCode;
  text: string;
  line: number;
  column: number;
  also: string[];
  /** Words the message must hold: for a fixture of one of several messages a code has. */
  message?: string;
  maxSize?: number;
  maxRunbookSize?: number;
}

function readFixture(name: string): Fixture {
  const text = readFileSync(join(DIR, name), 'utf8');
  const expectLine = /^# expect: (BR\d{3}) at (\d+):(\d+)$/m.exec(text);
  if (!expectLine) throw new Error(`${name} has no "# expect: CODE at line:col" header`);
  const fixture: Fixture = {
    code: expectLine[1] as DiagnosticCode | ScoringCode,
    text,
    line: Number(expectLine[2]),
    column: Number(expectLine[3]),
    also: /^# also: (.+)$/m.exec(text)?.[1]?.split(/\s+/) ?? [],
  };
  const message = /^# message: (.+)$/m.exec(text)?.[1];
  if (message) fixture.message = message;
  const maxSize = /^# options: maxSize=(\d+)$/m.exec(text)?.[1];
  if (maxSize) fixture.maxSize = Number(maxSize);
  const maxRunbookSize = /^# options: maxRunbookSize=(\d+)$/m.exec(text)?.[1];
  if (maxRunbookSize) fixture.maxRunbookSize = Number(maxRunbookSize);
  return fixture;
}

const fixtures = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => [name, readFixture(name)] as const);

function docSection(code: DiagnosticCode | ScoringCode): string | undefined {
  const heading = `## ${code} ${CODE_NAMES[code]}\n`;
  const start = DOCS.indexOf(heading);
  if (start === -1) return undefined;
  const next = DOCS.indexOf('\n## ', start + heading.length);
  return DOCS.slice(start, next === -1 ? undefined : next);
}

const loaderFixtures = fixtures.filter(([, f]) => !isScoring(f.code));
const scoringFixtures = fixtures.filter(([, f]) => isScoring(f.code));

describe('diagnostic fixtures', () => {
  it.each(loaderFixtures)('%s reports its code at the expected line and column, and nothing else', (name, fixture) => {
    if (isScoring(fixture.code)) throw new Error('not a loader code');
    expect(name).toMatch(new RegExp(`^${fixture.code}(-[a-z0-9-]+)?\\.yaml$`));
    const result = loadScenario(fixture.text, {
      file: name,
      readFile: fixtureReader(DIR),
      ...(fixture.maxSize === undefined ? {} : { maxSize: fixture.maxSize }),
      ...(fixture.maxRunbookSize === undefined ? {} : { maxRunbookSize: fixture.maxRunbookSize }),
    });
    const hits = result.diagnostics.filter((d) => d.code === fixture.code);
    expect(hits.map((d) => `${d.line}:${d.column}`)).toContain(`${fixture.line}:${fixture.column}`);
    expect(hits[0]?.severity).toBe(DIAGNOSTIC_CODES[fixture.code].severity);
    const hit = hits.find((d) => `${d.line}:${d.column}` === `${fixture.line}:${fixture.column}`);
    if (fixture.message) expect(`${hit?.message}\n${hit?.hint ?? ''}`).toContain(fixture.message);
    const others = result.diagnostics.filter((d) => d.code !== fixture.code && !fixture.also.includes(d.code));
    expect(others).toEqual([]);
    if (DIAGNOSTIC_CODES[fixture.code].severity === 'error') expect(result.scenario).toBeUndefined();
    else if (fixture.also.length === 0) expect(result.scenario).toBeDefined();
  });

  // A scoring fixture loads clean; the checker's scoring reports its code where the header says.
  it.each(scoringFixtures)('%s is reported by the scoring checks at the expected line and column', (name, fixture) => {
    const result = loadScenario(fixture.text, { file: name, readFile: fixtureReader(DIR) });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!result.scenario || !isScoring(fixture.code)) throw new Error(`${name} does not load`);
    const found = scoringDiagnostics(result.scenario, { explore: false, personas: { randomRuns: 10 } }).diagnostics;
    const hits = locateScoring(found, name, fixture.text).filter((d) => (d.code as string) === fixture.code);
    expect(hits.map((d) => `${d.line}:${d.column}`)).toContain(`${fixture.line}:${fixture.column}`);
    expect(hits[0]?.severity).toBe(SCORING_CODES[fixture.code].severity);
  });
});

describe('every code is documented and has a fixture', () => {
  it.each(DOCUMENTED_CODES)('%s', (code) => {
    const noFixture = (NO_FIXTURE as string[]).includes(code);
    if (!noFixture) expect(fixtures.map(([name]) => name)).toContain(`${code}.yaml`);
    const section = docSection(code);
    expect(section, `docs/diagnostics.md needs a "## ${code} ${CODE_NAMES[code]}" section`).toBeDefined();
    expect(section).toContain('**Fix:**');
    if (noFixture) return;
    // The examples must be real: each one's lines (comments and elisions aside) come from one of the code's fixtures.
    const examples = [...(section ?? '').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(examples.length, `${code} needs a YAML example`).toBeGreaterThan(0);
    const texts = fixtures.filter(([, f]) => f.code === code).map(([, f]) => f.text);
    for (const example of examples) {
      const lines = example.split('\n').filter((line) => !(line.trim() === '' || line.includes('#') || line.includes('…')));
      expect(texts.some((t) => lines.every((line) => t.includes(line))), `${code} example not taken from one fixture:\n${example}`).toBe(true);
    }
    // A fixture of one particular message is documented: its words appear in the section.
    for (const [name, f] of fixtures) if (f.code === code && f.message) expect(section, `${name}'s message belongs in the ${code} section`).toContain(f.message);
  });

  it('BR010: the documented example is what `check` prints for a misspelt file and a folder', async () => {
    const example = /```console\n\$ npm run scenario -- (.*)\n([\s\S]*?)```/.exec(docSection('BR010') ?? '');
    expect(example, 'BR010 needs a console example').not.toBeNull();
    const out: string[] = [];
    const io = { cwd: ROOT, stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t) };
    expect(await main((example?.[1] ?? '').split(' '), io)).toBe(1);
    expect(out.join('\n')).toBe(example?.[2]?.trimEnd());
  });

  it('documents no code that does not exist', () => {
    const documented = [...DOCS.matchAll(/^## (BR\d{3}) /gm)].map((m) => m[1]);
    expect(documented).toEqual(DOCUMENTED_CODES);
  });
});
