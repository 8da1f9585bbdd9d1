import { describe, expect, it } from 'vitest';
import { inLibraryOrder, type Listing } from './listing.ts';

const listing = (title: string, difficulty: string): Listing => ({
  id: title.toLowerCase(),
  file: `scenarios/${title.toLowerCase()}/scenario.yaml`,
  title,
  summary: '',
  service: '',
  difficulty,
  duration: null,
  slo: '',
  shift: '',
  tickSeconds: null,
  shiftSeconds: null,
  tags: [],
  diagnostics: [],
  ok: true,
  dropped: false,
});

describe('the library order', () => {
  it('puts the tutorial first, then easier scenarios before harder, by title within a difficulty, unknown last', () => {
    const shuffled = [listing('Zonal outage', 'advanced'), listing('Broken file', '?'), listing('Payments', 'intermediate'), listing('Checkout', 'intermediate'), listing('Your first page', 'tutorial'), listing('Disk full', 'beginner')];
    expect(inLibraryOrder(shuffled).map((l) => l.title)).toEqual(['Your first page', 'Disk full', 'Checkout', 'Payments', 'Zonal outage', 'Broken file']);
    expect(shuffled[0]?.title).toBe('Zonal outage');
  });
});
