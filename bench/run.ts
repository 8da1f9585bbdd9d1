/** `npm run bench`: prints each figure as `name: value unit`, after `# ` lines saying what was measured. */
import '../src/cli/plain-env.ts';
import { checkFigures } from './check.ts';
import { engineFigures } from './engine.ts';
import { printReport, type Report } from './figure.ts';
import { runbookFigures } from './runbook.ts';
import { personaFigures } from './personas.ts';
import { roomFigures } from './rooms.ts';
import { scoringFigures } from './scoring.ts';

const groups: Array<[string, () => Report | Promise<Report>]> = [
  ['engine', engineFigures],
  ['checker', checkFigures],
  ['scoring', scoringFigures],
  ['runbook', runbookFigures],
  ['random play', () => personaFigures()],
  // Also on its own: `npm run bench:rooms`.
  ['game-day rooms', roomFigures],
];

for (const [name, run] of groups) {
  try {
    printReport(await run());
  } catch (err) {
    console.error(`${name} benchmark failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
// The room bench's client sockets may linger after their rooms close.
process.exit();
