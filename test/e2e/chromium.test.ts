/** The Chromium lookup, with the environment and the file system injected: no browser needed. */
import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium.ts';

const on = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' };
    expect(findChromium({ env, isExecutable: on('/opt/chrome/chrome', '/usr/bin/chromium') })).toBe('/opt/chrome/chrome');
  });

  it('fails with the install instruction when CHROMIUM_PATH points at nothing, without looking further', () => {
    const env = { CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' };
    expect(() => findChromium({ env, isExecutable: on('/usr/bin/chromium') })).toThrow(/CHROMIUM_PATH is set to \/nowhere\/chrome.*apt-get install -y chromium/);
  });

  it('finds chromium, chromium-browser or google-chrome on PATH', () => {
    const env = { PATH: '/home/me/bin:/snap/bin' };
    expect(findChromium({ env, isExecutable: on('/snap/bin/chromium') })).toBe('/snap/bin/chromium');
    expect(findChromium({ env, isExecutable: on('/home/me/bin/chromium-browser') })).toBe('/home/me/bin/chromium-browser');
    expect(findChromium({ env, isExecutable: on('/snap/bin/google-chrome') })).toBe('/snap/bin/google-chrome');
  });

  it('takes the first PATH directory that has a name, and prefers chromium to the other names', () => {
    const env = { PATH: '/a:/b' };
    expect(findChromium({ env, isExecutable: on('/a/chromium', '/b/chromium') })).toBe('/a/chromium');
    expect(findChromium({ env, isExecutable: on('/a/google-chrome', '/b/chromium') })).toBe('/b/chromium');
  });

  it('falls back to /usr/bin when PATH does not have one or is unset', () => {
    expect(findChromium({ env: { PATH: '/a' }, isExecutable: on('/usr/bin/chromium-browser') })).toBe('/usr/bin/chromium-browser');
    expect(findChromium({ env: {}, isExecutable: on('/usr/bin/google-chrome') })).toBe('/usr/bin/google-chrome');
  });

  it('skips empty and relative PATH entries', () => {
    const looked: string[] = [];
    const isExecutable = (p: string) => {
      looked.push(p);
      return false;
    };
    expect(() => findChromium({ env: { PATH: ':bin:./tools:/a' }, isExecutable })).toThrow();
    expect(looked.every((p) => p.startsWith('/a/') || p.startsWith('/usr/bin/'))).toBe(true);
  });

  it('says what it looked for and how to install Chromium when there is none', () => {
    expect(() => findChromium({ env: { PATH: '/a' }, isExecutable: () => false })).toThrow(
      'No Chromium found: looked for chromium, chromium-browser, google-chrome on PATH and in /usr/bin. install Chromium: apt-get install -y chromium, or set CHROMIUM_PATH',
    );
  });
});
