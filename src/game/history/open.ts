/**
 * Getting to history and back into a kept or imported run: the history screens load on
 * first use, and a run is reopened by finding its scenario (the library's, or the file
 * kept with the run) and replaying its choices to the same debrief.
 */
import type Phaser from 'phaser';
import { bundledListings, loadBundled } from '../picker/bundled.ts';
import { ensurePlayScenes } from '../boot/play-scenes.ts';
import { SCENES, type DebriefStart, type HistoryStart, type Playable } from '../boot/play.ts';
import type { HistoryEntry } from '../run/history.ts';
import type { Mode } from '../run/session.ts';
import type { TimedChoice } from '../../sim/runner.ts';
import type { Debrief } from '../../scoring/debrief-schema.ts';

let loading: Promise<void> | null = null;

async function ensureHistoryScenes(game: Phaser.Game): Promise<void> {
  loading ??= Promise.all([import('./HistoryScene.ts'), import('./ProgressScene.ts')]).then(([h, p]) => {
    if (!game.scene.keys[SCENES.history]) game.scene.add(SCENES.history, h.HistoryScene, false);
    if (!game.scene.keys[SCENES.progress]) game.scene.add(SCENES.progress, p.ProgressScene, false);
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Switches from `from` to the history screen. */
export async function openHistory(from: Phaser.Scene, start: HistoryStart = {}): Promise<void> {
  await ensureHistoryScenes(from.game);
  from.scene.start(SCENES.history, start);
}

export type Found = { ok: true; playable: Playable } | { ok: false; error: string };

/** The scenario a run was played on: the library's by id, or the dropped file kept with it. */
export async function findScenario(scenarioId: string, files?: HistoryEntry['files']): Promise<Found> {
  if (files && files.length > 0) {
    const { loadDropped } = await import('../picker/library.ts');
    const entry = loadDropped(files)[0];
    if (entry?.playable && entry.id === scenarioId) return { ok: true, playable: entry.playable };
    return { ok: false, error: `the scenario file kept with this run (${files[0]?.name ?? 'unnamed'}) no longer loads cleanly` };
  }
  const listing = bundledListings().find((l) => l.id === scenarioId);
  if (!listing) return { ok: false, error: `no scenario called "${scenarioId}" is in the library, and its file was not kept with the run` };
  const entry = await loadBundled(listing);
  if (!entry.playable) return { ok: false, error: `the library's ${listing.file} has errors now, so the run cannot be replayed` };
  return { ok: true, playable: entry.playable };
}

/** Replays a run to its debrief; `was` is the debrief as exported, to compare with. */
export async function replayToDebrief(
  from: Phaser.Scene,
  run: { playable: Playable; seed: number; mode: Mode; choices: readonly TimedChoice[]; origin: 'history' | 'import'; was?: Debrief | null; wasLevel?: string | null },
): Promise<void> {
  const [{ replaySession, debriefDifferences }, { buildDebrief }, { transcriptOf }] = await Promise.all([
    import('../run/replay.ts'),
    import('../../scoring/debrief.ts'),
    import('../../sim/runner.ts'),
    ensurePlayScenes(from.game),
  ]);
  const session = replaySession(run.playable, run.seed, run.mode, run.choices);
  let notice: string;
  if (run.was) {
    const diff = debriefDifferences(run.was, buildDebrief(run.playable.scenario, transcriptOf(session.run, session.choices)));
    notice = diff.length === 0 ? 'Replayed from its choices to the same debrief as the file.' : `Replayed, but it differs from the file (the scenario has changed since): ${diff.join('; ')}.`;
  } else if (run.wasLevel !== undefined) {
    const now = buildDebrief(run.playable.scenario, transcriptOf(session.run, session.choices)).overall.level;
    notice = now === run.wasLevel ? 'Replayed from its choices.' : `Replayed from its choices; the scenario has changed since: it was ${run.wasLevel ?? 'not observed'}, now ${now ?? 'not observed'}.`;
  } else {
    notice = `Replayed from a choice log of ${run.choices.length} choice${run.choices.length === 1 ? '' : 's'} on ${run.playable.scenario.title}, seed ${run.seed}.`;
  }
  from.scene.start(SCENES.debrief, { playable: run.playable, session, mode: run.mode, origin: run.origin, notice } satisfies DebriefStart);
}
