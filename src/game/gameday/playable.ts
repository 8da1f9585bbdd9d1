/** A game day's scenario from the bundled library, by the id the room gives. */
import type { Playable } from '../boot/play.ts';
import { bundledListings, loadBundled } from '../picker/bundled.ts';

/** Loads and checks the scenario a room runs; rejects with a plain message if this build cannot play it. */
export async function loadPlayable(scenarioId: string): Promise<Playable> {
  const listing = bundledListings().find((l) => l.id === scenarioId);
  if (!listing) throw new Error(`This game does not have the scenario "${scenarioId}" that the room runs: update the game to the server's version.`);
  const entry = await loadBundled(listing);
  if (!entry.playable) throw new Error(`The scenario "${scenarioId}" does not load in this game build.`);
  return entry.playable;
}
