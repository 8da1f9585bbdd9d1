import { describe, expect, it } from 'vitest';
import { codeFromHash, codeLooksValid, joinLink, normaliseCode } from './join-link.ts';

describe('join codes and links', () => {
  it('reads the code from a #join link, whatever the case', () => {
    expect(codeFromHash('#join/k7qx2m')).toBe('K7QX2M');
    expect(codeFromHash('join/K7QX2M/')).toBe('K7QX2M');
  });

  it('ignores fragments that are not a join link or hold no usable code', () => {
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#play/K7QX2M')).toBeNull();
    expect(codeFromHash('#join/')).toBeNull();
    expect(codeFromHash('#join/AB')).toBeNull();
  });

  it('keeps only characters a code can hold when typed', () => {
    expect(normaliseCode('k7 q-x2m')).toBe('K7QX2M');
    expect(normaliseCode('O0I1')).toBe('');
    expect(codeLooksValid('K7QX2')).toBe(false);
    expect(codeLooksValid('K7QX2M')).toBe(true);
  });

  it('makes the link from the page address, dropping any old fragment', () => {
    expect(joinLink('http://10.0.0.5:5173/#join/AAAA', 'K7QX2M')).toBe('http://10.0.0.5:5173/#join/K7QX2M');
    expect(joinLink('http://10.0.0.5:5173/', 'K7QX2M')).toBe('http://10.0.0.5:5173/#join/K7QX2M');
  });
});

describe('addresses that open a game day', async () => {
  const { gameDayRoute } = await import('./entry.ts');
  it('sends a join link to the join screen and a host link back to the console', () => {
    expect(gameDayRoute('#join/K7QX2M')).toEqual({ scene: 'join', code: 'K7QX2M' });
    expect(gameDayRoute('#host/K7QX2M')).toEqual({ scene: 'host', code: 'K7QX2M' });
    expect(gameDayRoute('#host/nope')).toBeNull();
    expect(gameDayRoute('')).toBeNull();
  });
});
