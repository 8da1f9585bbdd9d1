/**
 * History: every finished run kept in this browser, newest first, with date, scenario,
 * mode, level and seed. A run reopens by replaying its choices to its debrief; runs can be
 * imported (an exported debrief or a choice log) and the whole history exported.
 */
import Phaser from 'phaser';
import { SCENES, type HistoryStart, type PickerStart } from '../boot/play.ts';
import { downloadText, openFileDialog, type PickedFile } from '../browser/files.ts';
import { browserStore } from '../browser/storage.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { historyToJson, readHistory, type HistoryEntry } from '../run/history.ts';
import { readImport } from '../run/import.ts';
import { Button } from '../ui/button.ts';
import { css, HEIGHT, num, SIZE, text, WIDTH } from '../ui/theme.ts';
import { fitText } from '../ui/text-util.ts';
import { rowOf } from './history-view.ts';
import { findScenario, replayToDebrief } from './open.ts';

const TOP = 168;
const ROW_H = 34;
const VISIBLE = 12;
const COLUMNS: Array<[keyof ReturnType<typeof rowOf>, string, number, number]> = [
  ['when', 'Finished', 40, 170],
  ['scenario', 'Scenario', 220, 420],
  ['mode', 'Mode', 650, 90],
  ['level', 'Level', 750, 110],
  ['seed', 'Seed', 870, 90],
  ['ending', 'Ending', 970, 270],
];

export class HistoryScene extends Phaser.Scene {
  private start: HistoryStart = {};
  private entries: HistoryEntry[] = [];
  private selected = 0;
  private first = 0;
  private rows: Phaser.GameObjects.Text[][] = [];
  private rowBoxes: Phaser.GameObjects.Rectangle[] = [];
  private notice!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private focus = 0;
  private busy = false;

  constructor() {
    super(SCENES.history);
  }

  init(data: HistoryStart): void {
    this.start = data ?? {};
    this.selected = 0;
    this.first = 0;
    this.rows = [];
    this.rowBoxes = [];
    this.buttons = [];
    this.focus = 0;
    this.busy = false;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css.bg);
    this.add.text(40, 28, 'HISTORY', text(32, 'text', { fontStyle: '600' }));
    this.add.text(42, 72, 'Every finished run is kept in this browser. Reopening a run replays its choices to its debrief.', text(SIZE.label, 'dim'));
    this.notice = this.add.text(40, 100, '', text(SIZE.body, 'warning', { wordWrap: { width: WIDTH - 80 } }));

    const store = browserStore();
    const read = store ? readHistory(store) : { entries: [], damaged: [] };
    this.entries = read.entries;
    const notes: string[] = [];
    if (!store) notes.push('This browser keeps no storage for the game (private mode?), so no runs can be kept here.');
    if (read.damaged.length > 0) {
      const first = read.damaged[0];
      notes.push(`${read.damaged.length} kept run${read.damaged.length === 1 ? '' : 's'} could not be read (${first?.key}: ${first?.message}); left untouched in storage, not deleted.`);
    }
    if (this.start.notice) notes.unshift(this.start.notice);
    this.say(notes.join(' '), notes.length > 0 && !this.start.notice ? css.warning : css.text);

    for (const [, title, x, w] of COLUMNS) this.add.text(x + 8, TOP - 26, title.toUpperCase(), text(SIZE.small, 'dim', { fontStyle: '600', fixedWidth: w }));
    for (let i = 0; i < VISIBLE; i++) {
      const y = TOP + i * ROW_H;
      const box = this.add.rectangle(32, y, WIDTH - 64, ROW_H - 4, num.panel).setOrigin(0).setStrokeStyle(1, num.border);
      box.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
        const index = this.first + i;
        if (index === this.selected) this.reopen();
        else this.select(index);
      });
      this.rowBoxes.push(box);
      this.rows.push(COLUMNS.map(([, , x]) => this.add.text(x + 8, y + 6, '', text(SIZE.body, 'text'))));
    }
    if (this.entries.length === 0) {
      this.add.text(WIDTH / 2, TOP + 120, 'No finished runs yet.\nPlay a scenario to its end: its debrief is kept here, and shows on the progress chart.', text(SIZE.title, 'dim', { align: 'center', lineSpacing: 8 })).setOrigin(0.5, 0);
    }

    const specs: Array<[string, string, () => void]> = [
      ['Reopen the run', 'Enter', () => this.reopen()],
      ['Progress chart', 'V', () => this.progress()],
      ['Import a run…', 'I', () => this.importFile()],
      ['Export history', 'E', () => this.exportAll()],
      ['Back to scenarios', 'Esc', () => this.back()],
    ];
    specs.forEach(([label, key, fn], i) => this.buttons.push(new Button(this, 24 + i * 248, 640, 236, 40, label, fn, { key, tone: i === 0 ? 'primary' : 'normal' })));
    this.add.text(40, HEIGHT - 10, '↑/↓ choose a run · Enter reopen · V progress · I import a debrief or choice log (.json) · E export · Esc back', text(SIZE.small, 'dim')).setOrigin(0, 1);

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,PAGE_UP,PAGE_DOWN');
    // The file dialog needs the key press itself (a user gesture), so I is heard from the page.
    const fileKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (e.key === 'i' || ((e.key === 'Enter' || e.key === ' ') && this.focus === 2)) {
        e.preventDefault();
        this.importFile();
      }
    };
    window.addEventListener('keydown', fileKey);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => window.removeEventListener('keydown', fileKey));
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));
    this.setFocus(0);
    this.draw();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key === 'i') return;
    const k = e.key.toLowerCase();
    if (e.key === 'ArrowDown') return this.select(this.selected + 1);
    if (e.key === 'ArrowUp') return this.select(this.selected - 1);
    if (e.key === 'PageDown') return this.select(this.selected + VISIBLE);
    if (e.key === 'PageUp') return this.select(this.selected - VISIBLE);
    if (k === 'v') return this.progress();
    if (k === 'e') return this.exportAll();
    if (e.key === 'Escape' || k === 'p') return this.back();
    if (e.key === 'Tab') return this.setFocus((this.focus + (e.shiftKey ? 4 : 1)) % 5);
    if ((e.key === 'Enter' || e.key === ' ') && this.focus !== 2) this.buttons[this.focus]?.press();
  }

  private select(i: number): void {
    if (this.entries.length === 0) return;
    this.selected = Math.max(0, Math.min(this.entries.length - 1, i));
    this.draw();
  }

  private setFocus(i: number): void {
    this.focus = i;
    this.buttons.forEach((b, j) => b.setFocused(j === i));
  }

  private say(message: string, colour: string = css.text): void {
    this.notice.setText(message).setColor(colour);
    this.expose();
  }

  private draw(): void {
    if (this.selected < this.first) this.first = this.selected;
    if (this.selected >= this.first + VISIBLE) this.first = this.selected - VISIBLE + 1;
    this.rows.forEach((cells, slot) => {
      const entry = this.entries[this.first + slot];
      const box = this.rowBoxes[slot] as Phaser.GameObjects.Rectangle;
      box.setVisible(!!entry);
      const selected = this.first + slot === this.selected;
      box.setFillStyle(selected ? num.panelHi : num.panel).setStrokeStyle(selected ? 2 : 1, selected ? num.focus : num.border);
      const row = entry ? rowOf(entry) : null;
      cells.forEach((cell, c) => {
        const [key, , , w] = COLUMNS[c] as (typeof COLUMNS)[number];
        cell.setVisible(!!row);
        if (!row) return;
        fitText(cell, String(row[key]), w - 12);
        cell.setColor(key === 'level' ? (row.level.startsWith('L') ? css.text : css.dim) : key === 'scenario' && !row.reopenable ? css.dim : css.text);
      });
    });
    this.expose();
  }

  private reopen(): void {
    const entry = this.entries[this.selected];
    if (!entry || this.busy) return;
    if (entry.source === 'file' && !entry.files) {
      this.say(`This run's scenario file (${entry.scenario.title}) was not kept with it, so it cannot be replayed here. Drop the file in the picker and play it again, or import an exported debrief with the file loaded.`, css.warning);
      return;
    }
    this.busy = true;
    this.say(`Replaying ${entry.scenario.title}…`, css.dim);
    void findScenario(entry.scenario.id, entry.files)
      .then((found) => {
        if (!found.ok) throw new Error(found.error);
        return replayToDebrief(this, { playable: found.playable, seed: entry.seed, mode: entry.mode, choices: entry.choices, origin: 'history', wasLevel: entry.level });
      })
      .catch((error: unknown) => {
        this.busy = false;
        this.say(`This run cannot be reopened: ${error instanceof Error ? error.message : String(error)}.`, css.critical);
      });
  }

  private importFile(): void {
    if (this.busy) return;
    openFileDialog((files) => this.imported(files), '.json,application/json');
  }

  private imported(files: PickedFile[]): void {
    const file = files[0];
    if (!file) return;
    const read = readImport(file.name, file.text);
    if (!read.ok) return this.say(read.error, css.critical);
    const run = read.run;
    const scenarioId = run.scenarioId ?? this.start.scenarioId ?? null;
    if (!scenarioId) return this.say(`${file.name} does not say which scenario it is for: choose the scenario in the picker first, then import it from there.`, css.critical);
    this.busy = true;
    this.say(`Replaying ${file.name} on ${scenarioId}…`, css.dim);
    void findScenario(scenarioId)
      .then((found) => {
        if (!found.ok) throw new Error(found.error);
        // As the CLI does: a log that gives no seed plays on the scenario's own.
        const seed = run.seed ?? found.playable.scenario.seed;
        return replayToDebrief(this, { playable: found.playable, seed, mode: run.mode ?? 'assessed', choices: run.choices, origin: 'import', was: run.debrief });
      })
      .catch((error: unknown) => {
        this.busy = false;
        this.say(`${file.name} cannot be replayed: ${error instanceof Error ? error.message : String(error)}.`, css.critical);
      });
  }

  private exportAll(): void {
    if (this.entries.length === 0) return this.say('There is nothing to export yet.', css.dim);
    const body = historyToJson(this.entries);
    downloadText('burn-rate-history.json', body, 'application/json');
    this.say(`Exported ${this.entries.length} run${this.entries.length === 1 ? '' : 's'} as burn-rate-history.json.`, css.ok);
  }

  private progress(): void {
    this.scene.start(SCENES.progress, { scenarioId: this.start.scenarioId } satisfies HistoryStart);
  }

  private back(): void {
    const start: PickerStart = this.start.scenarioId ? { scenarioId: this.start.scenarioId } : {};
    this.scene.start(SCENES.picker, start);
  }

  private expose(): void {
    exposeTestHook({
      screen: 'history',
      runs: this.entries.map((e) => ({ id: e.id, scenario: e.scenario.id, mode: e.mode, level: e.level, seed: e.seed, finishedAt: e.finishedAt })),
      selected: this.selected,
      notice: this.notice?.text ?? '',
    });
  }
}
