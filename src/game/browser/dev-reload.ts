/**
 * Dev server only (`npm start`): play-as-you-write. vite.config.ts sends each saved
 * scenario (with its folder's runbooks) as text; this reloads it into the running game
 * with `reloadScenario`, replaying a run in progress on the new version, and shows a broken
 * save's diagnostics over the game until the next good save. Never part of a build: the
 * entry imports it only under `import.meta.hot`.
 */
import type Phaser from 'phaser';
import { readerFromFiles } from '../../scenario/load.ts';
import type { Diagnostic } from '../../scenario/diagnostics.ts';
import { loadBundledFile } from '../picker/library.ts';
import { SCENES, type PlayStart } from '../boot/play.ts';
import { diagnosticLine, reloadScenario } from './reload.ts';
import type { Session } from '../run/session.ts';

export interface ScenarioUpdate {
  /** "/scenarios/x/scenario.yaml" */
  path: string;
  /** Every scenario and runbook file of its folder, by the same kind of path. */
  files: Record<string, string>;
}

const OVERLAY_ID = 'burn-rate-dev-overlay';

function overlay(): HTMLElement {
  let el = document.getElementById(OVERLAY_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = OVERLAY_ID;
    el.setAttribute('role', 'alert');
    el.style.cssText =
      'position:fixed;left:0;right:0;top:0;max-height:60vh;overflow:auto;z-index:1000;padding:16px 24px;box-sizing:border-box;' +
      'background:rgba(14,19,25,0.94);border-bottom:3px solid #ff5d5d;color:#dde3ea;font:15px/1.45 "IBM Plex Mono","DejaVu Sans Mono",monospace;white-space:pre-wrap;';
    document.body.appendChild(el);
  }
  return el;
}

/** Shows a broken save's problems; all of it as text nodes, never markup. */
export function showProblems(file: string, diagnostics: readonly Diagnostic[]): void {
  const el = overlay();
  el.style.borderBottomColor = '#ff5d5d';
  el.replaceChildren();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const head = document.createElement('div');
  head.style.cssText = 'font-weight:600;color:#ff5d5d;margin-bottom:8px;';
  head.textContent = `${file}: ${errors} error${errors === 1 ? '' : 's'} — the game keeps the last good version until you save a fixed one.`;
  el.appendChild(head);
  for (const d of diagnostics) {
    const line = document.createElement('div');
    line.className = `diagnostic ${d.severity}`;
    line.textContent = diagnosticLine(d) + (d.hint ? `\n    hint: ${d.hint}` : '');
    line.style.color = d.severity === 'error' ? '#ff8a8a' : '#ffb547';
    el.appendChild(line);
  }
}

/** Replaces the overlay with a short note that fades (a good save). */
function showNote(message: string): void {
  const el = overlay();
  el.replaceChildren(document.createTextNode(message));
  el.style.borderBottomColor = '#4cc38a';
  el.dataset.state = 'ok';
  const stamp = String(Date.now());
  el.dataset.stamp = stamp;
  setTimeout(() => {
    if (el.dataset.stamp === stamp) el.remove();
  }, 2500);
}

/** The desk's session, if a run is on screen (the desk keeps it private; dev glue only reads it). */
function runningSession(game: Phaser.Game): { scene: Phaser.Scene; session: Session } | null {
  if (!game.scene.isActive(SCENES.desk)) return null;
  const scene = game.scene.getScene(SCENES.desk);
  const session = (scene as unknown as { session?: Session }).session;
  return session ? { scene, session } : null;
}

/** Applies one saved scenario to the running game. */
export function applyUpdate(game: Phaser.Game, update: ScenarioUpdate): void {
  const file = update.path.replace(/^\//, '');
  const text = update.files[update.path] ?? '';
  const running = runningSession(game);
  const result = reloadScenario(running?.session ?? null, text, { file, readFile: readerFromFiles(update.files, update.path) });
  if (!result.ok) {
    showProblems(file, result.diagnostics);
    return;
  }
  if (running && result.resume) {
    const { seed, mode, speed } = running.session.config;
    const start: PlayStart = { playable: result.playable, seed, mode, speed, resume: result.resume };
    running.scene.scene.restart(start);
    const n = result.resume.choices.length;
    showNote(`${file} reloaded: ${n} choice${n === 1 ? '' : 's'} replayed on the new version.`);
    return;
  }
  if (game.scene.isActive('preview')) {
    const preview = game.scene.getScene('preview') as unknown as { scene: Phaser.Scenes.ScenePlugin; sys: { settings: { data: Record<string, unknown> } } };
    const data = preview.sys.settings.data as { entry?: { file: string } };
    if (data.entry?.file === file) {
      preview.scene.restart({ ...data, entry: loadBundledFile(update.files, update.path) });
      showNote(`${file} reloaded.`);
      return;
    }
  }
  if (game.scene.isActive(SCENES.picker)) {
    // The picker lists the library from an index the dev server has just rebuilt.
    location.reload();
    return;
  }
  showNote(`${file} reloaded; it takes effect on the next run.`);
}

/** Listens for saved scenarios from the dev server. */
export function installDevReload(game: Phaser.Game, hot: { on(event: string, cb: (data: ScenarioUpdate) => void): void }): void {
  hot.on('burn-rate:scenario', (update) => applyUpdate(game, update));
}
