/** The desk's top bar: what you are on call for, the sim clock and its speed, the incident's severity. */
import type Phaser from 'phaser';
import { SPEEDS } from './clock.ts';
import { formatClock, formatDuration } from '../ui/format.ts';
import { SPEED_STEP_KEYS } from '../ui/keymap.ts';
import { css, num, SIZE, text, WIDTH } from '../ui/theme.ts';
import { Button } from '../ui/button.ts';
import { fitText, setText } from '../ui/text-util.ts';

export class TopBar {
  private readonly clock: Phaser.GameObjects.Text;
  private readonly limit: Phaser.GameObjects.Text;
  private readonly severity: Phaser.GameObjects.Text;
  private readonly pause: Button;
  private readonly speeds: Button[];
  private lastSeverity: string | null | undefined = undefined;

  constructor(
    scene: Phaser.Scene,
    info: { title: string; service: string; team: string; mode: string },
    onPause: () => void,
    onSpeed: (speed: number) => void,
  ) {
    scene.add.rectangle(0, 0, WIDTH, 48, 0x0a0f14).setOrigin(0);
    scene.add.rectangle(0, 48, WIDTH, 1, num.border).setOrigin(0);
    scene.add.text(16, 6, 'BURN RATE', text(SIZE.small, 'critical', { fontStyle: '600' }));
    const service = scene.add.text(16, 24, '', text(SIZE.small, 'dim'));
    fitText(service, `${info.service} · ${info.team} · ${info.title}`, 330);
    const mode = scene.add.text(104, 6, info.mode === 'practice' ? 'PRACTICE · coaching on' : 'ASSESSED', text(SIZE.small, info.mode === 'practice' ? 'ok' : 'warning', { fontStyle: '600' }));
    void mode;
    this.clock = scene.add.text(470, 24, '', text(28, 'text', { fontStyle: '600', fontFamily: '"IBM Plex Mono", monospace' })).setOrigin(0.5);
    this.limit = scene.add.text(580, 24, '', text(SIZE.small, 'dim')).setOrigin(0, 0.5);
    let x = 680;
    this.pause = new Button(scene, x, 9, 124, 30, 'Pause', onPause, { key: 'Space', size: SIZE.small });
    x += 130;
    this.speeds = SPEEDS.map((s) => {
      const b = new Button(scene, x, 9, 50, 30, `${s}×`, () => onSpeed(s), { size: SIZE.small, align: 'center' });
      x += 54;
      return b;
    });
    // The speed keys step down and up; they are never digits (digits pick decision answers).
    scene.add.text(x + 2, 24, `${SPEED_STEP_KEYS.slower} ${SPEED_STEP_KEYS.faster}`, text(SIZE.small, 'dim', { backgroundColor: '#2b3848', padding: { x: 5, y: 1 }, fontStyle: '600' })).setOrigin(0, 0.5);
    this.severity = scene.add.text(WIDTH - 16, 24, '', text(SIZE.label, 'dim', { fontStyle: '600', padding: { x: 8, y: 4 } })).setOrigin(1, 0.5);
  }

  update(t: number, timeLimit: number, speed: number, running: number, paused: boolean, severity: string | null): void {
    setText(this.clock, formatClock(t));
    this.clock.setColor(paused ? css.warning : css.text);
    const slowed = !paused && running < speed ? `\nslowed to ${running}×` : '';
    setText(this.limit, paused ? 'PAUSED' : `${formatDuration(Math.max(0, timeLimit - t))} left${slowed}`);
    this.limit.setColor(paused ? css.warning : css.dim);
    this.pause.setSelected(paused).setText(paused ? 'Resume' : 'Pause');
    SPEEDS.forEach((s, i) => this.speeds[i]?.setSelected(s === speed));
    if (severity === this.lastSeverity) return;
    this.lastSeverity = severity;
    setText(this.severity, severity ? `${severity} declared` : 'No incident declared');
    const major = severity === 'SEV1' || severity === 'SEV2';
    this.severity.setColor(severity ? '#ffffff' : css.dim);
    this.severity.setBackgroundColor(severity ? (major ? '#8a2429' : '#7a5a12') : '#151c25');
  }
}
