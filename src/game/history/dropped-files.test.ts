import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDropped } from '../picker/library.ts';

const DIR = join(import.meta.dirname, '../../../scenarios/tutorial');

describe('a dropped scenario kept with its runs', () => {
  it('keeps the scenario and runbook files, and loads again from them alone after a reload', () => {
    const runbooks = readdirSync(join(DIR, 'runbooks')).map((name) => ({ name, text: readFileSync(join(DIR, 'runbooks', name), 'utf8') }));
    const dropped = [{ name: 'scenario.yaml', text: readFileSync(join(DIR, 'scenario.yaml'), 'utf8') }, ...runbooks];
    const [entry] = loadDropped(dropped);
    expect(entry?.playable?.files?.map((f) => f.name).sort()).toEqual(dropped.map((f) => f.name).sort());
    const [again] = loadDropped(entry?.playable?.files ?? []);
    expect(again?.id).toBe('tutorial');
    expect(again?.playable?.runbooks.size).toBe(entry?.playable?.runbooks.size);
    expect(again?.diagnostics).toEqual(entry?.diagnostics);
  });
});
