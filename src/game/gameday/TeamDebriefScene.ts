/**
 * The team debrief: the shared timeline by person and seat, and the level the team acted
 * at with the evidence, scored by the same ladder as single play on the room's replayed
 * run. Exports JSON and Markdown as single play does.
 */
import Phaser from 'phaser';
import { buildDebrief } from '../../scoring/debrief.ts';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { debriefToJson, debriefToMarkdown } from '../../scoring/export.ts';
import { transcriptOf } from '../../sim/runner.ts';
import { teamChoices } from '../../sim/team-log.ts';
import { SCENES } from '../boot/play.ts';
import { downloadText } from '../browser/files.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { adviceLines, evidenceLines, exportName, headlineText, LEVEL_COLOUR } from '../debrief/debrief-view.ts';
import { DimensionChart } from '../debrief/dimension-chart.ts';
import { StackView } from '../debrief/stack-view.ts';
import { FeedView } from '../desk/feed.ts';
import { Button } from '../ui/button.ts';
import { panel } from '../ui/panel.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { GAMEDAY_SCENES } from './scenes.ts';
import type { TeamDebriefStart } from './starts.ts';
import { facilitatorFeed } from './team-text.ts';
import { TONE_COLOUR } from './team-view.ts';

export class TeamDebriefScene extends Phaser.Scene {
  private start!: TeamDebriefStart;
  private debrief!: Debrief;
  private evidence!: StackView;
  private selected = 0;
  private timeline!: FeedView;
  private exports: Array<{ name: string; length: number }> = [];

  constructor() {
    super(GAMEDAY_SCENES.debrief);
  }

  init(data: TeamDebriefStart): void {
    this.start = data;
    this.exports = [];
  }

  create(): void {
    const { mirror } = this.start;
    const s = mirror.scenario;
    this.debrief = buildDebrief(s, transcriptOf(mirror.run, teamChoices(mirror.log)));
    const d = this.debrief;
    this.cameras.main.setBackgroundColor(css.bg);
    this.add.text(24, 14, `GAME DAY DEBRIEF · ${mirror.welcome.code} · ${s.title}`, text(SIZE.small, 'dim', { fontStyle: '600' }));
    const colour = d.overall.level ? (LEVEL_COLOUR[d.overall.level] ?? css.text) : css.dim;
    this.add.text(24, 34, headlineText(d).replace(/^You acted/, 'The team acted'), text(SIZE.big + 8, colour, { fontStyle: '600' }));
    const t = panel(this, 16, 84, 620, 560, 'Shared timeline · by person and seat · PgUp/PgDn');
    this.timeline = new FeedView(this, 28, t.top, 596, 560 - 42, { gap: 5 });
    this.timeline.setEntries(facilitatorFeed(mirror.log, s, (id) => mirror.nameOf(id)).map((l) => ({ key: `e${l.seq}`, head: l.head, headColour: css.dim, body: l.body, bodyColour: TONE_COLOUR[l.tone] })));
    const p = panel(this, 644, 84, 620, 300, 'The team by dimension · ↑/↓ shows the evidence');
    new DimensionChart(this, 656, p.top + 4, 596, d, (i) => this.select(i));
    const e = panel(this, 644, 392, 306, 252, 'Evidence');
    this.evidence = new StackView(this, 656, e.top, 282, 212);
    panel(this, 958, 392, 306, 252, d.nextLevel.target ? `What an ${d.nextLevel.target} team would have done` : 'The next level up');
    new StackView(this, 970, e.top, 282, 212).set(adviceLines(d));
    const specs: Array<[string, string, () => void]> = [
      ['Export JSON', 'J', () => this.export('json')],
      ['Export Markdown', 'M', () => this.export('md')],
      ['Back to scenarios', 'P', () => this.leave()],
    ];
    specs.forEach(([label, key, fn], i) => new Button(this, 24 + i * 310, 664, 296, 40, label, fn, { key }));
    this.input.keyboard?.addCapture('UP,DOWN,PAGE_UP,PAGE_DOWN');
    this.input.keyboard?.on('keydown', (ev: KeyboardEvent) => {
      const k = ev.key.toLowerCase();
      if (k === 'j') this.export('json');
      else if (k === 'm') this.export('md');
      else if (k === 'p' || ev.key === 'Escape') this.leave();
      else if (ev.key === 'ArrowDown') this.select((this.selected + 1) % d.dimensions.length);
      else if (ev.key === 'ArrowUp') this.select((this.selected + d.dimensions.length - 1) % d.dimensions.length);
      else if (ev.key === 'PageUp') this.timeline.scrollBy(-3);
      else if (ev.key === 'PageDown') this.timeline.scrollBy(3);
    });
    this.select(Math.max(0, d.dimensions.findIndex((x) => x.evidence.length > 0)));
  }

  private select(i: number): void {
    const dim = this.debrief.dimensions[i];
    if (!dim) return;
    this.selected = i;
    this.evidence.set(evidenceLines(this.debrief, dim.dimension));
    this.expose();
  }

  private export(kind: 'json' | 'md'): void {
    const body = kind === 'json' ? debriefToJson(this.debrief) : debriefToMarkdown(this.debrief);
    const name = exportName(this.debrief, kind).replace('burn-rate-', `burn-rate-gameday-${this.start.mirror.welcome.code}-`);
    downloadText(name, body, kind === 'json' ? 'application/json' : 'text/markdown');
    this.exports.push({ name, length: body.length });
    this.expose();
  }

  private leave(): void {
    void this.start.connection.leave();
    history.replaceState(null, '', location.pathname + location.search);
    this.scene.start(SCENES.picker, {});
  }

  private expose(): void {
    exposeTestHook({ screen: 'gameday-debrief', level: this.debrief.overall.level, exports: [...this.exports] });
  }
}
