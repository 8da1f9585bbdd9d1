/** The team desk's reminder of the seat's job and its keys, where single play shows its keys card. */
import type Phaser from 'phaser';
import type { Seat } from '../../sim/team-roles.ts';
import { panel } from '../ui/panel.ts';
import { SIZE, text } from '../ui/theme.ts';

const LINES: Record<Seat, string[]> = {
  ic: ['Decide (1–9), declare, delegate', 'Enter: assign · ask status · hand over', 'Any action key takes the work over', 'Tab side panel · / filter logs'],
  ops: ['A acknowledge page', 'Action keys: investigate, mitigate', 'Enter: report status to the room', 'Tab side panel · / filter logs'],
  comms: ['Action keys: updates, stakeholders', 'Enter: report status to the room', 'Watch the Comms tab for questions', 'Tab side panel · / filter logs'],
  observer: ['You watch; nothing you do changes', 'the run. Tab side panel', 'PgUp/PgDn scroll · / filter logs', ''],
  projector: ['Read-only view for the room', 'Tab side panel · PgUp/PgDn scroll', 'the team feed', ''],
  facilitator: ['', '', '', ''],
};

export function seatCard(scene: Phaser.Scene, x: number, y: number, w: number, h: number, seat: Seat): void {
  const p = panel(scene, x, y, w, h, 'Your seat · keys');
  scene.add.text(x + 12, p.top - 2, LINES[seat].join('\n'), text(SIZE.small, 'dim', { lineSpacing: 5 }));
}
