/**
 * The scenarios shipped with the game. The picker lists them from an index the build
 * makes by running the same loader over every scenario folder (vite.config.ts), so the
 * first screen needs neither the scenario texts nor the loader. Picking one fetches its
 * files (bundled by Vite's glob import, one chunk per file) and loads and checks them
 * again in the browser with that loader.
 */
import index from 'virtual:burn-rate/library';
import type { LibraryEntry } from './library.ts';
import type { Listing } from './listing.ts';

const yaml = import.meta.glob('/scenarios/*/scenario.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
const markdown = import.meta.glob('/scenarios/*/**/*.md', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/**
 * Every bundled scenario as the build found it, broken ones included, in the library's
 * order (`inLibraryOrder`, applied by the build).
 */
export function bundledListings(): Listing[] {
  return [...index];
}

/** Loads a bundled scenario's files and checks them; rejects only if the files are missing. */
export async function loadBundled(listing: Listing): Promise<LibraryEntry> {
  const path = `/${listing.file}`;
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const wanted = [path, ...Object.keys(markdown).filter((p) => p.startsWith(folder))];
  const files: Record<string, string> = {};
  await Promise.all(
    wanted.map(async (p) => {
      const load = yaml[p] ?? markdown[p];
      if (load) files[p] = await load();
    }),
  );
  if (files[path] === undefined) throw new Error(`the scenario file ${listing.file} is not in this build`);
  const { loadBundledFile } = await import('./library.ts');
  return loadBundledFile(files, path);
}
