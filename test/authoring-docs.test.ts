/**
 * docs/authoring.md stays true: its field reference and code index are regenerated from
 * the schema and the code tables (`npm run scenario -- docs`), and every link in it lands
 * on a heading that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUTHORING_PATH, codeEntries, freshAuthoringDoc } from '../src/cli/docs.ts';
import { slug } from '../src/scenario/author/field-reference.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const authoring = read(AUTHORING_PATH);

/** The anchors GitHub gives a markdown file's headings (code fences skipped). */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) out.add(slug((heading[1] as string).replace(/`/g, '')));
  }
  return out;
}

describe('docs/authoring.md', () => {
  it('has its generated sections up to date (run `npm run scenario -- docs` if this fails)', () => {
    const { text, missing } = freshAuthoringDoc(authoring);
    expect(missing).toEqual([]);
    expect(text === authoring, 'docs/authoring.md is stale: run `npm run scenario -- docs`').toBe(true);
  });

  it('documents every top-level field of the scenario and every diagnostic code', () => {
    for (const field of ['timeLimit', 'timeoutEnding', 'phases', 'actions', 'scoring']) expect(authoring).toContain(`| \`${field}\` |`);
    for (const entry of codeEntries()) expect(authoring).toContain(`| [${entry.code}](${entry.doc}) |`);
  });

  it('links only to headings that exist, here and in the pages it points to', () => {
    const broken: string[] = [];
    for (const [, target] of authoring.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target as string)) continue;
      const [file, anchor] = (target as string).split('#');
      const page = file ? join('docs', file) : AUTHORING_PATH;
      if (!existsSync(join(ROOT, page))) {
        broken.push(`${target} (no file ${page})`);
        continue;
      }
      if (anchor && !anchors(read(page)).has(anchor)) broken.push(`${target} (no heading #${anchor} in ${page})`);
    }
    expect(broken).toEqual([]);
  });

  it('explains every scoring code on the page it links to', () => {
    const scoring = read('docs/scoring.md');
    for (const entry of codeEntries().filter((e) => e.doc.startsWith('scoring.md'))) expect(scoring).toContain(`**${entry.code} ${entry.name}**`);
  });
});
