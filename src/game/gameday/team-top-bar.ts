/**
 * The team desk's top bar: which drill and seat this is, the room's clock (the facilitator
 * alone moves it, so there are no clock buttons here), whether the link to the room holds,
 * and the incident's severity.
 */
import type Phaser from 'phaser';
import type { Clock } from '../../server/protocol.ts';
import type { LinkState } from '../browser/room-client.ts';
import { formatClock, formatDuration } from '../ui/format.ts';
import { fitText, setText } from '../ui/text-util.ts';
import { css, num, SIZE, text, WIDTH } from '../ui/theme.ts';

/** What the clock line says about the drill's state. */
export function clockState(clock: Clock, timeLimit: number, link: LinkState): { text: string; colour: keyof typeof css } {
  if (link === 'reconnecting') return { text: 'RECONNECTING… the drill goes on', colour: 'warning' };
  if (link === 'closed') return { text: 'DISCONNECTED from the room', colour: 'critical' };
  if (clock.ended) return { text: 'DRILL OVER', colour: 'ok' };
  if (!clock.started) return { text: 'WAITING for the start', colour: 'warning' };
  if (clock.paused) return { text: 'PAUSED by the facilitator', colour: 'warning' };
  return { text: `${formatDuration(Math.max(0, timeLimit - clock.t))} left · ${clock.speed}×`, colour: 'dim' };
}

export class TeamTopBar {
  private readonly clock: Phaser.GameObjects.Text;
  private readonly state: Phaser.GameObjects.Text;
  private readonly severity: Phaser.GameObjects.Text;
  private lastSeverity: string | null | undefined = undefined;

  constructor(scene: Phaser.Scene, info: { code: string; title: string; who: string }) {
    scene.add.rectangle(0, 0, WIDTH, 48, 0x0a0f14).setOrigin(0);
    scene.add.rectangle(0, 48, WIDTH, 1, num.border).setOrigin(0);
    scene.add.text(16, 6, `BURN RATE · GAME DAY ${info.code}`, text(SIZE.small, 'critical', { fontStyle: '600' }));
    const sub = scene.add.text(16, 24, '', text(SIZE.small, 'dim'));
    fitText(sub, info.title, 370);
    const who = scene.add.text(400, 24, '', text(SIZE.label, 'own', { fontStyle: '600' })).setOrigin(0, 0.5);
    fitText(who, info.who, 220);
    this.clock = scene.add.text(740, 24, '', text(28, 'text', { fontStyle: '600', fontFamily: '"IBM Plex Mono", monospace' })).setOrigin(0.5);
    this.state = scene.add.text(842, 24, '', text(SIZE.small, 'dim')).setOrigin(0, 0.5);
    this.severity = scene.add.text(WIDTH - 16, 24, '', text(SIZE.label, 'dim', { fontStyle: '600', padding: { x: 8, y: 4 } })).setOrigin(1, 0.5);
  }

  update(clock: Clock, timeLimit: number, link: LinkState, severity: string | null): void {
    setText(this.clock, formatClock(clock.t));
    const s = clockState(clock, timeLimit, link);
    setText(this.state, s.text);
    this.state.setColor(css[s.colour]);
    this.clock.setColor(s.colour === 'dim' ? css.text : css[s.colour]);
    if (severity === this.lastSeverity) return;
    this.lastSeverity = severity;
    setText(this.severity, severity ? `${severity} declared` : 'No incident declared');
    const major = severity === 'SEV1' || severity === 'SEV2';
    this.severity.setColor(severity ? '#ffffff' : css.dim);
    this.severity.setBackgroundColor(severity ? (major ? '#8a2429' : '#7a5a12') : '#151c25');
  }
}
