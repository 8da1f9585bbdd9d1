/**
 * The game-day debrief: the team's (the level it acted at, the findings about how it
 * worked — time to a commander, role coverage, handovers, silences, work done twice —
 * each citing the log, the shared timeline by person and seat, and what the next level
 * of team would have done), then one per person (their level per dimension from their
 * own evidence, and what they did). ←/→ steps between them. Exports: JSON, Markdown and
 * two CSVs for a trainer's spreadsheet.
 */
import Phaser from 'phaser';
import { buildTeamDebrief, type PersonDebrief, type TeamDebrief } from '../../scoring/team.ts';
import { teamDebriefToJson, teamDebriefToMarkdown, teamLevelsToCsv, teamTimelineToCsv } from '../../scoring/team-export.ts';
import { transcriptOf } from '../../sim/runner.ts';
import { teamChoices } from '../../sim/team-log.ts';
import { SCENES } from '../boot/play.ts';
import { downloadText } from '../browser/files.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { LEVEL_COLOUR } from '../debrief/debrief-view.ts';
import { StackView } from '../debrief/stack-view.ts';
import { FeedView } from '../desk/feed.ts';
import { Button } from '../ui/button.ts';
import { formatClock } from '../ui/format.ts';
import { panel } from '../ui/panel.ts';
import { fitText } from '../ui/text-util.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { LevelRows } from './level-rows.ts';
import { GAMEDAY_SCENES } from './scenes.ts';
import type { TeamDebriefStart } from './starts.ts';
import { evidenceOf, findingLines, firstView, nextLines, personHeadline, personSubline, stepLines, teamExportName, teamHeadline, teamSubline, viewLabel, views } from './team-debrief-view.ts';
import { SEAT_SHORT } from './team-text.ts';

type Start = TeamDebriefStart & { debrief?: TeamDebrief; view?: number; exports?: Array<{ name: string; length: number }> };

export class TeamDebriefScene extends Phaser.Scene {
  private start!: Start;
  private debrief!: TeamDebrief;
  private view = 0;
  private selected = 0;
  private rows: LevelRows | null = null;
  private evidence: StackView | null = null;
  private scrollers: Array<{ scroll: (n: number) => void }> = [];
  private exports: Array<{ name: string; length: number }> = [];

  constructor() {
    super(GAMEDAY_SCENES.debrief);
  }

  init(data: Start): void {
    this.start = data;
    this.exports = data.exports ?? [];
    this.rows = null;
    this.evidence = null;
    this.scrollers = [];
  }

  create(): void {
    const { mirror } = this.start;
    // Scored once per drill; switching views restarts the scene with the same debrief.
    this.debrief = this.start.debrief ?? buildTeamDebrief(mirror.scenario, mirror.log, transcriptOf(mirror.run, teamChoices(mirror.log)));
    const d = this.debrief;
    const all = views(d);
    this.view = Math.min(all.length - 1, this.start.view ?? firstView(d, this.start.you));
    this.cameras.main.setBackgroundColor(css.bg);
    this.add.text(24, 10, `GAME DAY DEBRIEF · ${mirror.welcome.code}`, text(SIZE.small, 'dim', { fontStyle: '600' }));
    // One tab per view; a big room shares the row.
    const tabW = Math.min(206, Math.floor(1240 / all.length));
    all.forEach((v, i) => {
      const b = new Button(this, 24 + i * tabW, 96, tabW - 8, 30, '', () => this.show(i), { size: SIZE.small, align: 'center', tone: 'quiet' });
      fitText(b.label, viewLabel(d, v), tabW - 20);
      b.setSelected(i === this.view);
    });
    const v = all[this.view];
    const person = v?.kind === 'person' ? d.people.find((p) => p.id === v.id) : undefined;
    if (person) this.drawPerson(person);
    else this.drawTeam();

    const specs: Array<[string, string, () => void]> = [
      ['Export JSON', 'J', () => this.export('json')],
      ['Export Markdown', 'M', () => this.export('md')],
      ['Levels CSV', 'C', () => this.export('levels')],
      ['Timeline CSV', 'T', () => this.export('timeline')],
      ['Back to scenarios', 'P', () => this.leave()],
    ];
    specs.forEach(([label, key, fn], i) => new Button(this, 24 + i * 248, 668, 236, 38, label, fn, { key }));
    this.add.text(1256, 10, '←/→ team and each person · ↑/↓ dimension · PgUp/PgDn scroll', text(SIZE.small, 'faint')).setOrigin(1, 0);
    this.input.keyboard?.addCapture('UP,DOWN,LEFT,RIGHT,PAGE_UP,PAGE_DOWN');
    this.input.keyboard?.on('keydown', (ev: KeyboardEvent) => this.onKey(ev));
    this.expose();
  }

  private drawTeam(): void {
    const d = this.debrief;
    const colour = d.team.level ? (LEVEL_COLOUR[d.team.level] ?? css.text) : css.dim;
    fitText(this.add.text(24, 28, '', text(SIZE.big + 8, colour, { fontStyle: '600' })), teamHeadline(d), 1232);
    fitText(this.add.text(24, 70, '', text(SIZE.small, 'dim')), teamSubline(d, this.start.mirror.clock.ended), 1232);
    const t = panel(this, 16, 134, 620, 524, 'Shared timeline · by person and seat');
    const feed = new FeedView(this, 28, t.top, 596, 524 - 42, { gap: 5 });
    feed.setEntries(d.timeline.map((e) => ({ key: `e${e.seq}`, head: `${formatClock(e.t)} · #${e.seq} · ${e.role === 'facilitator' ? 'Facilitator' : `${e.name} (${SEAT_SHORT[e.role]})`}`, headColour: css.dim, body: e.text })));
    const f = panel(this, 644, 134, 620, 318, 'How the team worked · each finding cites the log');
    const findings = new StackView(this, 656, f.top, 596, 318 - 42);
    findings.set(findingLines(d));
    const n = panel(this, 644, 460, 620, 198, 'What the next level of team would have done');
    const next = new StackView(this, 656, n.top, 596, 198 - 42);
    next.set(nextLines(d));
    this.scrollers = [{ scroll: (k) => feed.scrollBy(-k * 3) }, findings, next];
  }

  private drawPerson(p: PersonDebrief): void {
    const colour = p.assessment.level ? (LEVEL_COLOUR[p.assessment.level] ?? css.text) : css.dim;
    fitText(this.add.text(24, 28, '', text(SIZE.big + 8, colour, { fontStyle: '600' })), personHeadline(p), 1232);
    fitText(this.add.text(24, 70, '', text(SIZE.small, 'dim')), personSubline(p), 1232);
    const l = panel(this, 16, 134, 460, 524, 'Level by dimension · ↑/↓ shows the evidence');
    this.rows = new LevelRows(this, 28, l.top + 20, 440, p.assessment, (i) => this.select(i));
    const e = panel(this, 484, 134, 390, 524, 'Evidence, from this person\'s own choices');
    this.evidence = new StackView(this, 496, e.top, 366, 524 - 42);
    const s = panel(this, 882, 134, 382, 524, 'What they did');
    const steps = new StackView(this, 894, s.top, 358, 524 - 42);
    steps.set(stepLines(p));
    this.scrollers = [this.evidence, steps];
    const first = p.assessment.dimensions.findIndex((dim) => p.evidence.some((x) => x.dimension === dim.dimension));
    this.select(Math.max(0, first));
  }

  private select(i: number): void {
    const v = views(this.debrief)[this.view];
    const p = v?.kind === 'person' ? this.debrief.people.find((x) => x.id === v.id) : undefined;
    const dim = p?.assessment.dimensions[i];
    if (!p || !dim) return;
    this.selected = i;
    this.rows?.select(i);
    this.evidence?.set(evidenceOf(p, dim.dimension));
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    const count = views(this.debrief).length;
    if (k === 'j') return this.export('json');
    if (k === 'm') return this.export('md');
    if (k === 'c') return this.export('levels');
    if (k === 't') return this.export('timeline');
    if (k === 'p' || e.key === 'Escape') return this.leave();
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') return this.show((this.view + (e.key === 'ArrowRight' ? 1 : count - 1)) % count);
    if (e.key === 'ArrowDown') return this.select((this.selected + 1) % 9);
    if (e.key === 'ArrowUp') return this.select((this.selected + 8) % 9);
    if (e.key === 'PageDown' || e.key === 'PageUp') for (const s of this.scrollers) s.scroll(e.key === 'PageDown' ? 1 : -1);
  }

  private show(view: number): void {
    if (view === this.view) return;
    this.scene.restart({ ...this.start, debrief: this.debrief, view, exports: this.exports });
  }

  private export(kind: 'json' | 'md' | 'levels' | 'timeline'): void {
    const d = this.debrief;
    const code = this.start.mirror.welcome.code;
    const [name, body, type] =
      kind === 'json'
        ? [teamExportName(d, code, 'debrief', 'json'), teamDebriefToJson(d), 'application/json']
        : kind === 'md'
          ? [teamExportName(d, code, 'debrief', 'md'), teamDebriefToMarkdown(d), 'text/markdown']
          : kind === 'levels'
            ? [teamExportName(d, code, 'levels', 'csv'), teamLevelsToCsv(d), 'text/csv']
            : [teamExportName(d, code, 'timeline', 'csv'), teamTimelineToCsv(d), 'text/csv'];
    downloadText(name, body, type);
    this.exports.push({ name, length: body.length });
    this.expose();
  }

  private leave(): void {
    void this.start.connection.leave();
    history.replaceState(null, '', location.pathname + location.search);
    this.scene.start(SCENES.picker, {});
  }

  private expose(): void {
    const d = this.debrief;
    const v = views(d)[this.view];
    exposeTestHook({
      screen: 'gameday-debrief',
      view: v?.kind === 'person' ? v.id : 'team',
      team: d.team.level,
      people: d.people.map((p) => ({ id: p.id, name: p.name, level: p.assessment.level })),
      findings: d.findings.map((f) => f.id),
      timeline: d.timeline.map((e) => e.text),
      exports: [...this.exports],
    });
  }
}
