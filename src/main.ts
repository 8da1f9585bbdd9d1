/** Entry point: load the type family and boot the game (and, on the dev server, listen for saved scenarios). */
// First: no schema may be built before Zod is told not to use eval.
import './game/browser/zod-jitless.ts';
import '@fontsource/ibm-plex-sans/latin-400.css';
import '@fontsource/ibm-plex-sans/latin-600.css';
import '@fontsource/ibm-plex-sans/latin-400-italic.css';
import '@fontsource/ibm-plex-mono/latin-400.css';
import '@fontsource/ibm-plex-mono/latin-600.css';
import '@fontsource/noto-emoji/400.css';
import { startGame } from './game/main.ts';
import { requestFonts } from './game/ui/fonts.ts';

// Ask for the faces now, while Phaser boots, rather than when the boot screen first runs.
void requestFonts();

const game = startGame('game-container');

// Play-as-you-write on the dev server; the build replaces import.meta.hot with nothing and drops this.
if (import.meta.hot) {
  const hot = import.meta.hot;
  void import('./game/browser/dev-reload.ts').then((dev) => dev.installDevReload(game, hot));
}
