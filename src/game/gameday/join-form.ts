/**
 * The join screen's state — the code, the display name, the seat — and how keys change
 * it. Pure and tested; the scene draws it and joins when the state says so.
 */
import { CODE_LENGTH, codeLooksValid, normaliseCode } from './join-link.ts';

import { SEAT_NAMES } from '../../sim/team-roles.ts';
import type { JoinSeat } from '../browser/room-client.ts';

/** Seats a person may take. The facilitator's seat is the host's alone and is not offered. */
export const SEATS: readonly JoinSeat[] = ['ic', 'ops', 'comms', 'observer', 'projector'];
export type Seat = JoinSeat;

export const SEAT_TITLES: Record<Seat, string> = {
  ic: SEAT_NAMES.ic,
  ops: SEAT_NAMES.ops,
  comms: SEAT_NAMES.comms,
  observer: SEAT_NAMES.observer,
  projector: 'Projector',
};

export const SEAT_DUTIES: Record<Seat, string> = {
  ic: 'Owns the incident: declares severity, answers the decisions, delegates, may take over any action.',
  ops: 'Investigates and mitigates: dashboards, logs, runbooks, rollbacks. More than one may sit here.',
  comms: 'Keeps stakeholders informed: status updates on a cadence, answers to the people waiting.',
  observer: 'Watches the whole run and learns; nothing an observer does changes it.',
  projector: 'The room\'s big screen: the shared desk and who did what, large and read-only.',
};

export const JOIN_FIELDS = ['code', 'name', 'seat', 'join'] as const;
export type JoinField = (typeof JOIN_FIELDS)[number];

export const NAME_MAX = 24;

export interface JoinForm {
  code: string;
  name: string;
  seat: Seat;
  focus: JoinField;
  /** A plain-words problem to show, or '' when there is none. */
  problem: string;
}

export function initialJoinForm(code = '', name = ''): JoinForm {
  return { code: normaliseCode(code), name: name.slice(0, NAME_MAX), seat: 'ops', focus: code ? (name ? 'seat' : 'name') : 'code', problem: '' };
}

/** What the scene must do after a key, besides redrawing. */
export type JoinEffect = 'none' | 'join' | 'back';

function step<T>(list: readonly T[], value: T, by: number): T {
  const i = list.indexOf(value);
  return list[(i + by + list.length) % list.length] as T;
}

/** Why the form cannot be sent yet, in plain words, or '' if it can. */
export function joinProblem(form: JoinForm): string {
  if (!codeLooksValid(form.code)) return `Type the ${CODE_LENGTH}-character room code shown on the facilitator\'s screen.`;
  if (form.name.trim().length === 0) return 'Type the name the team will see beside what you do.';
  return '';
}

/** Applies one key press (the browser's `key` value) to the form. */
export function applyJoinKey(form: JoinForm, key: string, shift = false): { form: JoinForm; effect: JoinEffect } {
  if (key === 'Escape') return { form, effect: 'back' };
  if (key === 'Tab' || key === 'ArrowDown' || key === 'ArrowUp') {
    const by = key === 'ArrowUp' || (key === 'Tab' && shift) ? -1 : 1;
    return { form: { ...form, focus: step(JOIN_FIELDS, form.focus, by) }, effect: 'none' };
  }
  if (form.focus === 'seat' && (key === 'ArrowLeft' || key === 'ArrowRight')) {
    return { form: { ...form, seat: step(SEATS, form.seat, key === 'ArrowLeft' ? -1 : 1) }, effect: 'none' };
  }
  if (form.focus === 'seat' && /^[1-5]$/.test(key)) {
    return { form: { ...form, seat: SEATS[Number(key) - 1] as Seat }, effect: 'none' };
  }
  if (key === 'Enter') {
    if (form.focus === 'code' && codeLooksValid(form.code)) return { form: { ...form, focus: form.name ? 'seat' : 'name', problem: '' }, effect: 'none' };
    if (form.focus === 'name' && form.name.trim()) return { form: { ...form, focus: 'seat', problem: '' }, effect: 'none' };
    const problem = joinProblem(form);
    return problem ? { form: { ...form, problem }, effect: 'none' } : { form: { ...form, problem: '' }, effect: 'join' };
  }
  if (form.focus === 'code') {
    if (key === 'Backspace') return { form: { ...form, code: form.code.slice(0, -1) }, effect: 'none' };
    if (key.length === 1) return { form: { ...form, code: normaliseCode(form.code + key) }, effect: 'none' };
  }
  if (form.focus === 'name') {
    if (key === 'Backspace') return { form: { ...form, name: form.name.slice(0, -1) }, effect: 'none' };
    // Printable characters only; a name is what others read, not a place for control codes.
    if (key.length === 1 && key >= ' ' && form.name.length < NAME_MAX && !(key === ' ' && form.name === '')) {
      return { form: { ...form, name: form.name + key }, effect: 'none' };
    }
  }
  return { form, effect: 'none' };
}
