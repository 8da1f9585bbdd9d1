import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { buildLibrary, listingOf } from './src/game/picker/library.ts';
import { inLibraryOrder } from './src/game/picker/listing.ts';
import { gameDayRooms } from './src/server/vite-plugin.ts';

const INDEX_ID = 'virtual:burn-rate/library';

/** Every scenario and runbook file, keyed like Vite's glob import keys them ("/scenarios/x/scenario.yaml"). */
function scenarioFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|md)$/.test(name)) files[`/${relative(root, path).split(sep).join('/')}`] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, 'scenarios'));
  return files;
}

/**
 * The picker's index of the bundled library, made at build time by running the game's own
 * loader over every scenario folder: titles, summaries and diagnostics, in the library's
 * order, without shipping the scenario texts or the loader in the first screen's
 * JavaScript. In dev, editing a scenario sends it to the running game; adding or removing
 * one reloads the page.
 */
function scenarioLibrary(): Plugin {
  let root = process.cwd();
  return {
    name: 'burn-rate-scenario-library',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === INDEX_ID ? `\0${INDEX_ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${INDEX_ID}`) return undefined;
      const index = inLibraryOrder(buildLibrary(scenarioFiles(root)).map(listingOf));
      return `export default ${JSON.stringify(index)};`;
    },
    // Play-as-you-write: an edited scenario (or runbook) goes to the running game as text,
    // with the rest of its folder, instead of reloading the page (src/game/browser/dev-reload.ts).
    hotUpdate({ type, file, server }) {
      if (type !== 'update') return undefined;
      const rel = relative(root, file).split(sep).join('/');
      const folder = /^scenarios\/[^/]+\//.exec(rel)?.[0];
      if (!folder || !/\.(ya?ml|md)$/.test(rel)) return undefined;
      const index = server.moduleGraph.getModuleById(`\0${INDEX_ID}`);
      if (index) server.moduleGraph.invalidateModule(index);
      const files = Object.fromEntries(Object.entries(scenarioFiles(root)).filter(([path]) => path.startsWith(`/${folder}`)));
      const scenario = Object.keys(files).find((path) => /\/scenario\.ya?ml$/.test(path));
      if (scenario) server.ws.send({ type: 'custom', event: 'burn-rate:scenario', data: { path: scenario, files } });
      return [];
    },
    configureServer(server) {
      server.watcher.add(join(root, 'scenarios'));
      const changed = (file: string) => {
        if (!file.includes(`${sep}scenarios${sep}`)) return;
        const mod = server.moduleGraph.getModuleById(`\0${INDEX_ID}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      // Edits are hot updates (above); a scenario added or removed changes the list, so reload.
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
    },
  };
}

/**
 * Preloads the type family's faces from the page's head, so they download beside the
 * script instead of after it has run and drawn its first text.
 */
function preloadFonts(): Plugin {
  return {
    name: 'burn-rate-preload-fonts',
    apply: 'build',
    transformIndexHtml(_html, ctx) {
      const fonts = Object.keys(ctx.bundle ?? {}).filter((name) => /ibm-plex-(sans|mono)-latin-[^/]*\.woff2$/.test(name));
      return fonts.map((name) => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${name}` },
        injectTo: 'head' as const,
      }));
    },
  };
}

const PHASER_SRC = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src');

/**
 * Phaser's compile-time switches, for its source modules (src/game/browser/phaser-custom.ts):
 * both renderers (WebGL on a GPU, Canvas on a CPU rasteriser: renderer.ts), and none of
 * Phaser's sound, debugging hooks or optional plugins, which the game does not use.
 */
const PHASER_FEATURES = {
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_RENDERER': 'true',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};

// The game is a static site: `npm run build` writes dist/, which runs from any file server.
export default defineConfig({
  base: './',
  resolve: {
    alias: [
      // The game imports 'phaser' and gets only the parts it uses; types still come from the package.
      { find: /^phaser$/, replacement: join(import.meta.dirname, 'src/game/browser/phaser-custom.ts') },
      // Phaser's source modules, which its package does not export.
      { find: /^phaser\/src\//, replacement: `${PHASER_SRC}/` },
    ],
  },
  define: PHASER_FEATURES,
  // The dev server pre-bundles Phaser's source modules: the same switches apply there.
  optimizeDeps: { rolldownOptions: { transform: { define: PHASER_FEATURES } } },
  plugins: [scenarioLibrary(), preloadFonts(), gameDayRooms()],
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Phaser is large and changes rarely: keep it in its own chunk so the game code caches apart.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
});
