import { describe, expect, it } from 'vitest';
import { codeFromHash, codeLooksValid, joinLink, normaliseCode } from './join-link.ts';

describe('join codes and links', () => {
  it('reads the code from a #join link, whatever the case', () => {
    expect(codeFromHash('#join/k7qx')).toBe('K7QX');
    expect(codeFromHash('join/K7QX/')).toBe('K7QX');
  });

  it('ignores fragments that are not a join link or hold no usable code', () => {
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#play/K7QX')).toBeNull();
    expect(codeFromHash('#join/')).toBeNull();
    expect(codeFromHash('#join/AB')).toBeNull();
  });

  it('keeps only characters a code can hold when typed', () => {
    expect(normaliseCode('k7 q-x')).toBe('K7QX');
    expect(normaliseCode('O0I1')).toBe('');
    expect(codeLooksValid('K7Q')).toBe(false);
    expect(codeLooksValid('K7QX')).toBe(true);
  });

  it('makes the link from the page address, dropping any old fragment', () => {
    expect(joinLink('http://10.0.0.5:5173/#join/AAAA', 'K7QX')).toBe('http://10.0.0.5:5173/#join/K7QX');
    expect(joinLink('http://10.0.0.5:5173/', 'K7QX')).toBe('http://10.0.0.5:5173/#join/K7QX');
  });
});
