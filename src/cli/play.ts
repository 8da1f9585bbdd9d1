/**
 * `scenario play <file> --persona L3 | --choices log.json [--seed N] [--json]`: replays a
 * run headlessly and prints its debrief, as Markdown (first line "Acted at: …") or as the
 * versioned debrief JSON.
 */
import { resolve } from 'node:path';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../scenario/diagnostics.ts';
import { LEVELS, type Level } from '../scenario/schema/index.ts';
import { buildDebrief } from '../scoring/debrief.ts';
import { debriefToJson, debriefToMarkdown } from '../scoring/export.ts';
import { personas } from '../scoring/personas.ts';
import { mmss } from '../scoring/time.ts';
import { runPlaythrough, type TimedChoice } from '../sim/runner.ts';
import { choiceAfterLimit, parseChoiceLog } from './choice-log.ts';
import type { CliIO, Command } from './io.ts';
import { readRegularFile } from './safe-read.ts';
import { displayPath, loadScenarioFile, scenarioFile } from './scenario-files.ts';

/** Largest choice log read: 5,000 choices take a few hundred kilobytes. */
const MAX_LOG_BYTES = 4 * 1024 * 1024;

const USAGE = `usage: npm run scenario -- play <file> (--persona <L1…L5 or reference id> | --choices <log.json>) [--seed N] [--json]

Replays a run of the scenario headlessly and prints the debrief.
  --persona L3        replay the scenario's reference playthrough for that level, or
                      the one with that id (needed when a level has two or more)
  --persona checklist replay a generated play style: checklist, senior-answers, late-principal,
                      silent-principal, idle (docs/scoring.md)
  --choices <file>    replay a saved choice log: [{"at": 90, "ack": true}, …] or {"choices": […], "seed": 7},
                      or a game day's room file (the server's --data folder, CODE.jsonl)
  --seed N            seed for the run (default: the log's or reference's seed, else the scenario's)
  --json              print the debrief as JSON (format "burn-rate-debrief", version 1)

Exit code: 0 on success, 1 if the scenario has errors, 2 on bad usage or a bad choice log.`;

interface Options {
  file?: string;
  persona?: string;
  choices?: string;
  seed?: number;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--json') o.json = true;
      else if (a === '--persona') o.persona = value();
      else if (a === '--choices') o.choices = value();
      else if (a === '--seed') {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 0xffffffff) return `--seed takes a whole number from 0 to 4294967295, not "${v}"`;
        o.seed = n;
      } else if (a.startsWith('-')) return `unknown option ${a}`;
      else if (o.file === undefined) o.file = a;
      else return `one scenario file at a time (got "${o.file}" and "${a}")`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!o.file) return 'which scenario? give its file, e.g. scenarios/auth-canary/scenario.yaml';
  if ((o.persona === undefined) === (o.choices === undefined)) return 'give either --persona or --choices';
  return o;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr(`${options}\n\n${USAGE}`);
    return 2;
  }
  const file = options.file as string;
  const { path: scenarioPath, display } = scenarioFile(file, io.cwd);
  const loaded = loadScenarioFile(scenarioPath, display);
  const scenario = loaded.scenario;
  if (!scenario || hasErrors(loaded.diagnostics)) {
    for (const d of sortDiagnostics(loaded.diagnostics)) io.stderr(formatDiagnostic(d));
    // A path that is not a scenario file (BR010) is a usage mistake, not a scenario to fix.
    if (loaded.diagnostics.some((d) => d.code === 'BR010')) return 2;
    io.stderr(`\n${display} has errors; fix them (npm run scenario -- check ${display}) and play again`);
    return 1;
  }

  let choices: TimedChoice[];
  let seed = options.seed;
  if (options.persona !== undefined) {
    const persona = options.persona.toUpperCase();
    const refs = scenario.scoring.references;
    const byLevel = (LEVELS as readonly string[]).includes(persona) ? refs.filter((r) => r.level === (persona as Level)) : [];
    // Two references of one level are two different runs: name them rather than pick one.
    if (byLevel.length > 1) {
      const list = byLevel.map((r) => `  ${r.id}${r.description ? `: ${r.description}` : ''}`).join('\n');
      io.stderr(`${display} has ${byLevel.length} reference playthroughs for ${persona}; name one by its id (--persona ${byLevel[0]?.id}):\n${list}`);
      return 2;
    }
    const ref = byLevel[0] ?? refs.find((r) => r.id === options.persona);
    const style = ref ? undefined : personas(scenario).find((p) => p.id === options.persona);
    if (style) {
      choices = style.choices;
      seed ??= style.seed;
    } else if (!ref) {
      const have = refs.map((r) => `${r.level} (${r.id})`).join(', ') || 'none';
      io.stderr(`${display} has no reference playthrough or play style ${options.persona}; it has: ${have}; play styles: ${personas(scenario).map((p) => p.id).join(', ')}`);
      return 2;
    } else {
      choices = ref.choices.map((c) => ({ ...c })) as TimedChoice[];
      seed ??= ref.seed;
    }
  } else {
    const path = options.choices as string;
    let text: string;
    try {
      text = readRegularFile(resolve(io.cwd, path), MAX_LOG_BYTES);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      io.stderr(`error: cannot read the choice log ${path}: ${reason}`);
      return 2;
    }
    const log = parseChoiceLog(text);
    if (!log.ok) {
      io.stderr(`error: ${path}: ${log.error}`);
      return 2;
    }
    const late = choiceAfterLimit(log.choices, scenario.timeLimit);
    if (late) {
      io.stderr(`error: ${path}: ${late}`);
      return 2;
    }
    choices = log.choices;
    seed ??= log.seed;
  }

  const transcript = runPlaythrough(scenario, { seed: seed ?? scenario.seed, choices });
  const refused = transcript.events.flatMap((e) => (e.type === 'rejected' ? [`${mmss(e.t)} ${e.what}: ${e.reason}`] : []));
  if (refused.length > 0) io.stderr(`note: the run refused ${refused.length} choice${refused.length === 1 ? '' : 's'}:\n  ${refused.join('\n  ')}`);
  const debrief = buildDebrief(scenario, transcript);
  io.stdout(options.json ? debriefToJson(debrief).trimEnd() : debriefToMarkdown(debrief));
  return 0;
}

/** The `play` sub-command. */
export const playCommand: Command = { summary: 'replay a run (a reference persona or a saved choice log) and print its debrief', usage: USAGE, run };
