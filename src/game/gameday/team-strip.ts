/**
 * The desk's "who did what" strip: who is in which seat (and online), then the team's
 * actions and words as they happen, newest at the bottom. The projector shows the same
 * strip larger.
 */
import type Phaser from 'phaser';
import type { Member } from '../../server/protocol.ts';
import { FeedView, type FeedEntry } from '../desk/feed.ts';
import { panel } from '../ui/panel.ts';
import { setLines } from '../ui/text-util.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { rosterLine, TONE_COLOUR } from './team-view.ts';
import type { TeamLine } from './team-text.ts';

export class TeamStrip {
  private readonly roster: Phaser.GameObjects.Text;
  private readonly note: Phaser.GameObjects.Text;
  private readonly feed: FeedView;
  private lastLines: readonly TeamLine[] | null = null;
  private entries: FeedEntry[] = [];

  constructor(scene: Phaser.Scene, x: number, y: number, w: number, h: number, options: { title?: string; large?: boolean } = {}) {
    const p = panel(scene, x, y, w, h, options.title ?? 'Team · who did what');
    const size = options.large ? SIZE.label : SIZE.small;
    this.roster = scene.add.text(x + 12, p.top - 4, '', text(size, 'text', { wordWrap: { width: w - 24 }, lineSpacing: 2 }));
    // Roster and note get two lines each, so a long decision never runs into the feed.
    this.note = scene.add.text(x + 12, p.top + (options.large ? 40 : 36), '', text(SIZE.small, 'warning', { wordWrap: { width: w - 24 } }));
    const top = p.top + (options.large ? 84 : 80);
    this.feed = new FeedView(scene, x + 12, top, w - 24, y + h - 10 - top, { gap: options.large ? 6 : 4, empty: 'Nothing done yet. What each person does appears here as it happens.' });
  }

  update(roster: readonly Member[], lines: readonly TeamLine[], note: string): void {
    setLines(this.roster, rosterLine(roster), 2);
    setLines(this.note, note, 2);
    if (lines !== this.lastLines) {
      this.lastLines = lines;
      // A name can change under an entry already drawn (the roster came after it): key by the words too.
      this.entries = lines.map((l) => ({ key: `e${l.seq}${l.head}`, head: l.head, headColour: css.dim, body: l.body, bodyColour: TONE_COLOUR[l.tone] }));
      this.feed.setEntries(this.entries);
    }
  }

  scroll(n: number): void {
    this.feed.scrollBy(n);
  }
}
