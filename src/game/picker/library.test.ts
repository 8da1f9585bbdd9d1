import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary, listingOf, loadDropped } from './library.ts';
import { errorCount, location } from './listing.ts';

const ROOT = join(import.meta.dirname, '../../..');

function bundledFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|md)$/.test(name)) files[`/${relative(ROOT, path)}`] = readFileSync(path, 'utf8');
    }
  };
  walk(join(ROOT, 'scenarios'));
  return files;
}

describe('scenario library', () => {
  it('lists every bundled scenario folder, checked by the loader, with runbooks read', () => {
    const files = bundledFiles();
    const library = buildLibrary(files);
    const folders = Object.keys(files).filter((p) => p.endsWith('/scenario.yaml'));
    expect(library).toHaveLength(folders.length);
    const canary = library.find((e) => e.id === 'auth-canary');
    expect(canary?.ok).toBe(true);
    expect(canary?.playable?.runbooks.size).toBe(canary?.playable?.scenario.runbooks.length);
    // The index the build ships is plain data: it survives JSON.
    const listing = listingOf(canary!);
    expect(JSON.parse(JSON.stringify(listing))).toEqual(listing);
    expect(listing).not.toHaveProperty('playable');
  });

  it('keeps a broken bundled scenario in the list, marked, with its diagnostics', () => {
    const library = buildLibrary({ '/scenarios/oops/scenario.yaml': 'format: 1\nid: oops\ntitle: Oops\n' });
    expect(library).toHaveLength(1);
    expect(library[0]).toMatchObject({ id: 'oops', title: 'Oops', ok: false, playable: null });
    expect(errorCount(library[0]!)).toBeGreaterThan(0);
    expect(location(library[0]!.diagnostics[0]!)).toMatch(/^scenarios\/oops\/scenario\.yaml:\d+:\d+$/);
  });

  it('loads dropped files, matching runbooks by file name', () => {
    const yaml = readFileSync(join(ROOT, 'test/e2e/fixtures/hostile.yaml'), 'utf8');
    const md = readFileSync(join(ROOT, 'test/e2e/fixtures/evil.md'), 'utf8');
    const [entry] = loadDropped([
      { name: 'hostile.yaml', text: yaml },
      { name: 'evil.md', text: md },
    ]);
    expect(entry?.ok).toBe(true);
    expect(entry?.dropped).toBe(true);
    expect(entry?.playable?.saveable).toBe(false);
    expect(entry?.playable?.runbooks.get('evil')).toBe(md);
    const [broken] = loadDropped([{ name: 'broken.yaml', text: readFileSync(join(ROOT, 'test/e2e/fixtures/broken.yaml'), 'utf8') }]);
    expect(broken?.ok).toBe(false);
    expect(broken?.diagnostics.map(location)).toContain('broken.yaml:6:11');
    expect(loadDropped([{ name: 'notes.txt', text: 'hi' }])).toEqual([]);
  });
});

describe('dropped files that are unusual', () => {
  const minimal = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
  const runbook = readFileSync(join(ROOT, 'test/fixtures/runbooks/high-errors.md'), 'utf8');

  it('lists a file too large to read as too large, not as empty', () => {
    const [entry] = loadDropped([{ name: 'huge.yaml', text: '', tooLarge: 5_000_000 }]);
    expect(entry?.ok).toBe(false);
    expect(entry?.diagnostics).toEqual([expect.objectContaining({ code: 'BR002', line: 1, column: 1, message: 'the file is 4.8 MB, more than the 2.0 MB a scenario may be' })]);
  });

  it('reads a file with carriage-return line ends as the lines it shows', () => {
    const [entry] = loadDropped([
      { name: 'old.yaml', text: minimal.replace(/\n/g, '\r') },
      { name: 'high-errors.md', text: runbook.replace(/\n/g, '\r') },
    ]);
    expect(entry?.diagnostics).toEqual([]);
    expect(entry?.playable?.runbooks.get('high-errors')).toBe(runbook);
  });
});
