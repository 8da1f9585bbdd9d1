/**
 * Title and scenario picker: the library (broken scenarios listed with their diagnostics),
 * mode, speed and seed, and scenario files dropped in or opened from disk.
 */
import Phaser from 'phaser';
import { unlockAudio } from '../browser/audio.ts';
import { bundledListings, loadBundled } from './bundled.ts';
import { checkDropped } from '../browser/check-dropped.ts';
import { freshSeed, listenForDrops, openFileDialog, type PickedFile } from '../browser/files.ts';
import { pickerCommand } from '../ui/keymap.ts';
import { listenKeys } from '../ui/key-input.ts';
import { runLength } from './listing.ts';
import type { LibraryEntry } from './library.ts';
import { errorCount, type Listing } from './listing.ts';
import { ensurePlayScenes } from '../boot/play-scenes.ts';
import { applyPickerCommand, seedValue, type PickerState } from './picker-state.ts';
import { SCENES, type PickerStart, type PlayStart } from '../boot/play.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { css, HEIGHT, num, SIZE, text, WIDTH } from '../ui/theme.ts';
import { Button } from '../ui/button.ts';
import { ScenarioDetail } from './scenario-detail.ts';
import { openGameDay } from '../gameday/entry.ts';
import { fitText, setLines, setText } from '../ui/text-util.ts';

/** Entries dropped this session; kept across visits to the picker. */
const dropped: LibraryEntry[] = [];

const LIST_X = 40;
const LIST_Y = 150;
const CARD_W = 560;
const CARD_H = 88;
const VISIBLE = 5;

interface Card {
  box: Phaser.GameObjects.Rectangle;
  title: Phaser.GameObjects.Text;
  meta: Phaser.GameObjects.Text;
  summary: Phaser.GameObjects.Text;
}

export class PickerScene extends Phaser.Scene {
  private entries: Array<Listing | LibraryEntry> = [];
  private starting = false;
  private state!: PickerState;
  private cards: Card[] = [];
  private detail!: ScenarioDetail;
  private notice!: Phaser.GameObjects.Text;
  private dropHint!: Phaser.GameObjects.Rectangle;
  private openButton!: Button;
  private stopDrops: (() => void) | null = null;
  private first = 0;
  private shownSelected = -1;
  private more!: Phaser.GameObjects.Text;
  private scrollTrack!: Phaser.GameObjects.Rectangle;
  private scrollThumb!: Phaser.GameObjects.Rectangle;

  constructor() {
    super(SCENES.picker);
  }

  create(data: PickerStart = {}): void {
    this.starting = false;
    this.first = 0;
    this.shownSelected = -1;
    this.entries = [...dropped, ...bundledListings()];
    const selected = Math.max(0, this.entries.findIndex((e) => e.id === data.scenarioId));
    this.state = {
      selected,
      count: this.entries.length,
      focus: 'list',
      mode: data.mode ?? 'practice',
      speed: data.speed ?? 1,
      seed: String(freshSeed()),
      playable: !!this.entries[selected]?.ok,
    };
    this.cameras.main.setBackgroundColor(css.bg);
    this.add.text(40, 32, 'BURN RATE', text(40, 'critical', { fontStyle: '600' }));
    this.add.text(42, 84, 'Work a production incident on call. Find out which level you acted at, and what the next level would have done.', text(SIZE.label, 'dim'));
    this.notice = this.add.text(40, 116, '', text(SIZE.body, 'warning', { wordWrap: { width: WIDTH - 80 } }));
    if (data.notice) this.notice.setText(data.notice);

    this.cards = [];
    for (let i = 0; i < VISIBLE; i++) this.cards.push(this.makeCard(i));
    this.detail = new ScenarioDetail(this, 640, LIST_Y, 600, 500, {
      onMode: (mode) => this.setState({ ...this.state, mode, focus: 'mode' }),
      onSpeed: (speed) => this.setState({ ...this.state, speed, focus: 'speed' }),
      onNewSeed: () => this.setState({ ...this.state, seed: String(freshSeed()), focus: 'seed' }),
      onSeedFocus: () => this.setState({ ...this.state, focus: 'seed' }),
      onPlay: () => this.play(),
    });
    new Button(this, WIDTH - 40 - 640, 34, 220, 36, 'History and progress', () => this.history(), { key: 'H' });
    // Team play: a facilitator hosts, the team joins from their own laptops.
    new Button(this, WIDTH - 40 - 410, 34, 220, 36, 'Host a game day', () => this.gameDay('host'), { key: 'T' });
    new Button(this, WIDTH - 40 - 180, 34, 180, 36, 'Join a game day', () => this.gameDay('join'), { key: 'J' });
    this.openButton = new Button(this, LIST_X, HEIGHT - 76, CARD_W, 40, 'Open a scenario file…  (or drop .yaml and its runbooks anywhere)', () => this.openFiles(), { key: 'O' });
    this.add.text(LIST_X, HEIGHT - 12, '↑/↓ choose · Tab next control · ←/→ change · digits type a seed · Enter play with what is shown · G graph and problems · PgUp/PgDn scroll problems', text(SIZE.small, 'faint')).setOrigin(0, 1);
    this.more = this.add.text(LIST_X + CARD_W, LIST_Y - 6, '', text(SIZE.small, 'accent')).setOrigin(1, 1);
    this.scrollTrack = this.add.rectangle(LIST_X + CARD_W + 6, LIST_Y, 4, VISIBLE * (CARD_H + 6) - 6, num.border).setOrigin(0);
    this.scrollThumb = this.add.rectangle(LIST_X + CARD_W + 6, LIST_Y, 4, 10, num.accent).setOrigin(0);
    this.dropHint = this.add.rectangle(0, 0, WIDTH, HEIGHT, num.accent, 0.12).setOrigin(0).setStrokeStyle(4, num.accent).setVisible(false).setDepth(200);

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,BACKSPACE,PAGE_UP,PAGE_DOWN');
    // Keys are heard straight from the page, once each; the file dialog needs that too
    // (it opens only inside the key press itself, a user gesture).
    listenKeys(this, (e) => this.onKey(e), { repeats: (e) => e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'PageDown' || e.key === 'PageUp' || e.key === 'Backspace' });
    this.input.on('wheel', (pointer: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      // Over the list the wheel moves through the scenarios; elsewhere it scrolls the problems.
      if (pointer.x < LIST_X + CARD_W + 20) this.scrollList(dy > 0 ? 1 : -1);
      else this.detail.scroll(dy > 0 ? 3 : -3);
    });
    this.stopDrops = listenForDrops(
      (files) => this.addFiles(files),
      (over) => this.dropHint.setVisible(over),
    );
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.stopDrops?.());
    this.setState(this.state);
  }

  private onKey(e: KeyboardEvent): void {
    unlockAudio();
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'g') return this.preview();
    if (e.key === 'h') return this.history();
    if (e.key === 't' || e.key === 'j') return this.gameDay(e.key === 't' ? 'host' : 'join');
    const cmd = pickerCommand(e);
    if (!cmd) return;
    if (cmd.type === 'open-file' || ((cmd.type === 'play' || cmd.type === 'activate') && this.state.focus === 'open')) {
      e.preventDefault();
      return this.openFiles();
    }
    const { state, effect } = applyPickerCommand(this.state, cmd);
    this.setState(state);
    if (effect === 'start') this.play();
    else if (effect === 'open') this.openFiles();
    else if (effect === 'new-seed') this.setState({ ...this.state, seed: String(freshSeed()) });
    else if (effect === 'scroll-down' || effect === 'scroll-up') {
      this.detail.scroll(effect === 'scroll-down' ? 1 : -1);
      this.draw();
    }
  }

  private scrollList(step: number): void {
    const max = Math.max(0, this.entries.length - VISIBLE);
    this.first = Math.max(0, Math.min(max, this.first + step));
    this.draw();
  }

  private makeCard(slot: number): Card {
    const y = LIST_Y + slot * (CARD_H + 6);
    const box = this.add.rectangle(LIST_X, y, CARD_W, CARD_H, num.panel).setOrigin(0).setStrokeStyle(1, num.border);
    box.setInteractive({ useHandCursor: true });
    box.on('pointerdown', () => {
      const index = this.first + slot;
      if (index === this.state.selected && this.state.playable) return this.play();
      this.setState({ ...this.state, selected: index, focus: 'list' });
    });
    return {
      box,
      title: this.add.text(LIST_X + 16, y + 8, '', text(SIZE.title, 'text', { fontStyle: '600' })),
      meta: this.add.text(LIST_X + 16, y + 33, '', text(SIZE.small, 'dim')),
      summary: this.add.text(LIST_X + 16, y + 52, '', text(SIZE.small, 'text', { wordWrap: { width: CARD_W - 32 } })),
    };
  }

  private setState(state: PickerState): void {
    const entry = this.entries[state.selected];
    this.state = { ...state, count: this.entries.length, playable: !!entry?.ok };
    if (!this.state.playable && !['list', 'open'].includes(this.state.focus)) this.state.focus = 'list';
    this.draw();
  }

  private draw(): void {
    const s = this.state;
    // Keep a newly selected card in view; the wheel may look elsewhere without moving the selection.
    if (s.selected !== this.shownSelected) {
      this.shownSelected = s.selected;
      if (s.selected < this.first) this.first = s.selected;
      if (s.selected >= this.first + VISIBLE) this.first = s.selected - VISIBLE + 1;
    }
    this.cards.forEach((card, slot) => {
      const e = this.entries[this.first + slot];
      for (const o of [card.box, card.title, card.meta, card.summary]) o.setVisible(!!e);
      if (!e) return;
      const selected = this.first + slot === s.selected;
      const broken = !e.ok;
      card.box.setFillStyle(selected ? num.panelHi : num.panel);
      card.box.setStrokeStyle(selected ? 2 : 1, selected && s.focus === 'list' ? num.focus : broken ? num.critical : selected ? num.accent : num.border);
      fitText(card.title, `${broken ? '⚠ ' : ''}${e.title}`, CARD_W - 32);
      card.title.setColor(broken ? css.critical : css.text);
      const meta = broken
        ? `BROKEN · ${errorCount(e)} error${errorCount(e) === 1 ? '' : 's'} · ${e.file}`
        : `${e.difficulty} · ${runLength(e)} · ${e.service}${e.tags.length ? ` · ${e.tags.join(', ')}` : ''}${e.dropped ? ' · dropped file' : ''}`;
      fitText(card.meta, meta, CARD_W - 32);
      card.meta.setColor(broken ? css.critical : css.dim);
      setLines(card.summary, e.summary, 2);
    });
    // A list longer than the cards shows that it scrolls, and where the view is.
    const n = this.entries.length;
    const scrolls = n > VISIBLE;
    setText(this.more, scrolls ? `${this.first + 1}–${Math.min(n, this.first + VISIBLE)} of ${n} · ↑/↓ or the wheel for more` : '');
    this.scrollTrack.setVisible(scrolls);
    this.scrollThumb.setVisible(scrolls);
    if (scrolls) {
      const track = this.scrollTrack.height;
      this.scrollThumb.height = Math.max(12, (track * VISIBLE) / n);
      this.scrollThumb.setY(LIST_Y + ((track - this.scrollThumb.height) * this.first) / (n - VISIBLE));
    }
    const entry = this.entries[s.selected];
    this.detail.show(entry ?? null, s);
    this.openButton.setFocused(s.focus === 'open');
    exposeTestHook({
      screen: 'picker',
      renderer: this.game.config.renderType === Phaser.CANVAS ? 'canvas' : 'webgl',
      entries: this.entries.map((e) => ({ id: e.id, title: e.title, playable: e.ok, errors: errorCount(e) })),
      selected: entry?.id ?? null,
      mode: s.mode,
      speed: s.speed,
      seed: seedValue(s),
      focus: s.focus,
      problems: [...this.detail.shown],
      notice: this.notice.text,
    });
  }

  private openFiles(): void {
    openFileDialog((files) => this.addFiles(files));
  }

  private addFiles(files: PickedFile[]): void {
    // No file name here: the name appears once the check has answered.
    this.notice.setText(`Checking ${files.length === 1 ? 'the dropped file' : `${files.length} dropped files`}…`).setColor(css.dim);
    this.draw();
    void checkDropped(files)
      .then((loaded) => this.addLoaded(loaded))
      .catch((error: unknown) => {
        this.notice.setText(error instanceof Error ? error.message : String(error)).setColor(css.critical);
        this.draw();
      });
  }

  private addLoaded(loaded: LibraryEntry[]): void {
    if (loaded.length === 0) {
      this.notice.setText('No scenario file in what was dropped: drop a .yaml scenario (with its runbook .md files if it has any).');
      return;
    }
    for (const e of loaded) {
      const old = dropped.findIndex((d) => d.file === e.file);
      if (old >= 0) dropped.splice(old, 1);
      dropped.unshift(e);
    }
    this.entries = [...dropped, ...bundledListings()];
    const first = loaded[0] as LibraryEntry;
    const errors = errorCount(first);
    this.notice.setText(errors > 0 ? `${first.file} has ${errors} error${errors === 1 ? '' : 's'}: see the list on the right.` : `${first.file} loaded and checked: ready to play.`);
    this.notice.setColor(errors > 0 ? css.critical : css.ok);
    this.setState({ ...this.state, selected: 0, focus: errors > 0 ? 'list' : 'play' });
  }

  /** Opens the history of finished runs (and from there progress and import). */
  private history(): void {
    if (this.starting) return;
    this.starting = true;
    const selected = this.entries[this.state.selected];
    void import('../history/open.ts')
      .then(({ openHistory }) => openHistory(this, selected ? { scenarioId: selected.id } : {}))
      .catch((error: unknown) => {
        this.starting = false;
        this.notice.setText(`Could not open the history: ${error instanceof Error ? error.message : String(error)}`).setColor(css.critical);
      });
  }

  /** Opens the author's preview (problems, graph, Play) of the selected scenario. */
  private preview(): void {
    const listing = this.entries[this.state.selected];
    if (!listing || this.starting) return;
    this.starting = true;
    const entry = 'playable' in listing ? Promise.resolve(listing) : loadBundled(listing);
    void Promise.all([entry, import('../preview/PreviewScene.ts')])
      .then(([loaded, { openPreview }]) => openPreview(this, { entry: loaded, seed: seedValue(this.state), mode: this.state.mode, speed: this.state.speed }))
      .catch((error: unknown) => {
        this.starting = false;
        this.notice.setText(`Could not open the preview: ${error instanceof Error ? error.message : String(error)}`).setColor(css.critical);
      });
  }

  private gameDay(what: 'host' | 'join'): void {
    if (this.starting) return;
    this.starting = true;
    void openGameDay(this.scene, this.game, what).catch((error: unknown) => {
      this.starting = false;
      this.notice.setText(`Could not open the game day screens: ${error instanceof Error ? error.message : String(error)}`).setColor(css.critical);
    });
  }

  private play(): void {
    const listing = this.entries[this.state.selected];
    if (!listing?.ok || this.starting) return;
    this.starting = true;
    this.notice.setText(`Loading ${listing.title}…`).setColor(css.dim);
    const entry = 'playable' in listing ? Promise.resolve(listing) : loadBundled(listing);
    void Promise.all([entry, ensurePlayScenes(this.game)])
      .then(([loaded]) => {
        if (!loaded.playable) throw new Error(`${loaded.file} did not load: ${errorCount(loaded)} error(s)`);
        const start: PlayStart = { playable: loaded.playable, seed: seedValue(this.state), mode: this.state.mode, speed: this.state.speed };
        this.scene.start(SCENES.desk, start);
      })
      .catch((error: unknown) => {
        this.starting = false;
        this.notice.setText(`Could not start: ${error instanceof Error ? error.message : String(error)}`).setColor(css.critical);
      });
  }
}
