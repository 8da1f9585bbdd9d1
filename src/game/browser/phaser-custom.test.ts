/**
 * The game runs on a Phaser built from only the modules it uses (phaser-custom.ts), but is
 * type-checked against the whole of Phaser: a game object or namespace used without being
 * added there would compile and then fail in the browser. This reads the game's code for
 * what it asks of Phaser at run time and checks the build provides it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const ENTRY = 'src/game/browser/phaser-custom.ts';

function gameSources(dir: string, out: Array<{ file: string; text: string }> = []): Array<{ file: string; text: string }> {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) gameSources(path, out);
    else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) && path !== ENTRY) out.push({ file: path, text: readFileSync(join(ROOT, path), 'utf8') });
  }
  return out;
}

const sources = [...gameSources('src/game'), { file: 'src/main.ts', text: readFileSync(join(ROOT, 'src/main.ts'), 'utf8') }];
const entry = readFileSync(join(ROOT, ENTRY), 'utf8');

/** The namespace object the entry exports: top-level names, and the members listed for a nested one. */
function provided(): Map<string, Set<string> | 'whole'> {
  const body = /const Phaser = \{([\s\S]*?)\n\};/.exec(entry)?.[1];
  if (!body) throw new Error(`${ENTRY} no longer declares "const Phaser = { … };": update this test with it`);
  const names = new Map<string, Set<string> | 'whole'>();
  for (const m of body.matchAll(/^\s+(\w+)(?::\s*\{([^}]*)\})?,/gm)) names.set(m[1] as string, m[2] === undefined ? 'whole' : new Set(m[2].split(',').map((s) => s.trim()).filter(Boolean)));
  return names;
}

/** Phaser's top-level constants (CANVAS, WEBGL, …), which the entry spreads in. */
const CONSTANTS = new Set([...readFileSync(join(ROOT, 'node_modules/phaser/src/const.js'), 'utf8').matchAll(/^\s+([A-Z_]+):/gm)].map((m) => m[1] as string));

/**
 * `Phaser.A.B…` read as a value: called, constructed, extended by a class, passed as an
 * argument, `.prototype`, or ending in a constant. Anything else names a type, which the
 * package's declarations provide whatever the build holds.
 */
function valueUses(text: string): string[] {
  const uses: string[] = [];
  for (const m of text.matchAll(/\bPhaser((?:\.\w+)+)/g)) {
    const path = (m[1] as string).slice(1).split('.');
    const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 1);
    if (path[path.length - 1] === 'prototype') path.pop();
    const value =
      /^[A-Z_]+$/.test(path[path.length - 1] as string) ||
      after === '(' ||
      /\.prototype$/.test(m[0]) ||
      /\bnew\s+$/.test(before) ||
      /\bclass\s+\w+\s+extends\s+$/.test(before) ||
      /\(\s*$/.test(before);
    if (value) uses.push(path.join('.'));
  }
  return uses;
}

describe('the custom Phaser build', () => {
  const names = provided();

  it('provides every part of the Phaser namespace the game reads at run time', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const { file, text } of sources) {
      for (const use of valueUses(text)) {
        seen++;
        const [top, member] = use.split('.');
        const have = names.get(top as string);
        const ok = CONSTANTS.has(top as string) || have === 'whole' || (have instanceof Set && (member === undefined || have.has(member)));
        if (!ok) missing.push(`${file}: Phaser.${use}`);
      }
    }
    // The reader finds the game's uses (a reader that finds none would pass anything).
    expect(seen).toBeGreaterThan(20);
    expect(missing, `add these to ${ENTRY}`).toEqual([]);
  });

  it('registers a factory for every game object the scenes add', () => {
    const factories = new Set([...entry.matchAll(/\/(\w+)Factory\.js'/g)].map((m) => (m[1] as string).toLowerCase()));
    const used = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/\.add\.(\w+)\(/g)) used.add((m[1] as string).toLowerCase());
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((kind) => !factories.has(kind)), `import their factories in ${ENTRY}`).toEqual([]);
  });

  it('catches a use the build lacks', () => {
    expect(valueUses('const r = Phaser.Math.Between(1, 6); let p: Phaser.Input.Pointer; new Phaser.Game({}); class A extends Phaser.Scene {}')).toEqual(['Math.Between', 'Game', 'Scene']);
    expect(names.has('Math')).toBe(false);
  });
});
