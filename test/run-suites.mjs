#!/usr/bin/env node
/**
 * Runs the unit suite and the browser suite side by side, as `npm test` does after the
 * type-check. The browser tests mostly wait on the game's clock and on human-paced key
 * presses (two browsers use about half a core), so the unit files run beside them in one
 * worker instead of after them. Each line is printed with its suite's name as it comes;
 * the exit code is the first failure's, or 0.
 */
import { spawn } from 'node:child_process';

const SUITES = [
  { name: 'browser', args: ['vitest', 'run', 'test/e2e', '--maxWorkers=2'] },
  { name: 'unit', args: ['vitest', 'run', '--exclude', 'test/e2e/**', '--maxWorkers=1', '--no-isolate'] },
];

const width = Math.max(...SUITES.map((s) => s.name.length));

function run({ name, args }) {
  return new Promise((resolve) => {
    const began = Date.now();
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
    const prefix = `${name.padEnd(width)} │ `;
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) out.write(`${prefix}${line}\n`);
      });
      stream.on('end', () => rest && out.write(`${prefix}${rest}\n`));
    }
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - began) / 1000 }));
  });
}

const results = await Promise.all(SUITES.map(run));
for (const r of results) console.log(`${r.name} tests ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(0)} s`);
process.exit(results.find((r) => r.code !== 0)?.code ?? 0);
