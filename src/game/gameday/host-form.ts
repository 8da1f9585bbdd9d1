/**
 * The host form's state — which scenario, seed and speed the drill runs with — and how
 * keys change it. Pure and tested; the scene draws it and hosts when the state says so.
 */
import { TEAM_SPEEDS, type TeamSpeed } from '../../sim/team-log.ts';

export const HOST_SPEEDS: readonly TeamSpeed[] = TEAM_SPEEDS;
export const HOST_FIELDS = ['scenario', 'seed', 'speed', 'host'] as const;
export type HostField = (typeof HOST_FIELDS)[number];

export interface HostForm {
  /** Index into the scenarios offered. */
  selected: number;
  count: number;
  seed: string;
  speed: TeamSpeed;
  focus: HostField;
}

export type HostEffect = 'none' | 'host' | 'back' | 'new-seed';

function step<T>(list: readonly T[], value: T, by: number): T {
  const i = list.indexOf(value);
  return list[(i + by + list.length) % list.length] as T;
}

/** Applies one key press (the browser's `key` value) to the form. */
export function applyHostKey(form: HostForm, key: string, shift = false): { form: HostForm; effect: HostEffect } {
  if (key === 'Escape') return { form, effect: 'back' };
  if (key === 'Tab') return { form: { ...form, focus: step(HOST_FIELDS, form.focus, shift ? -1 : 1) }, effect: 'none' };
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const by = key === 'ArrowUp' ? -1 : 1;
    if (form.focus === 'scenario' && form.count > 0) return { form: { ...form, selected: (form.selected + by + form.count) % form.count }, effect: 'none' };
    return { form: { ...form, focus: step(HOST_FIELDS, form.focus, by) }, effect: 'none' };
  }
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const by = key === 'ArrowLeft' ? -1 : 1;
    if (form.focus === 'speed') return { form: { ...form, speed: step(HOST_SPEEDS, form.speed, by) }, effect: 'none' };
    if (form.focus === 'scenario' && form.count > 0) return { form: { ...form, selected: (form.selected + by + form.count) % form.count }, effect: 'none' };
    return { form, effect: 'none' };
  }
  if (key === 'Enter' || key === ' ') {
    if (form.focus === 'seed') return { form, effect: 'new-seed' };
    if (form.focus === 'speed') return { form: { ...form, speed: step(HOST_SPEEDS, form.speed, 1) }, effect: 'none' };
    return { form, effect: form.count > 0 ? 'host' : 'none' };
  }
  if (form.focus === 'seed') {
    if (key === 'Backspace') return { form: { ...form, seed: form.seed.slice(0, -1) }, effect: 'none' };
    if (/^[0-9]$/.test(key)) return { form: { ...form, seed: (form.seed === '0' ? '' : form.seed).concat(key).slice(0, 9) }, effect: 'none' };
  }
  return { form, effect: 'none' };
}

/** The seed to host with: the typed digits, or 0 if the field is empty. */
export function hostSeed(form: HostForm): number {
  const n = Number.parseInt(form.seed, 10);
  return Number.isFinite(n) ? n : 0;
}
