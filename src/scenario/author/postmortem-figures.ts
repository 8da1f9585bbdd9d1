/**
 * The numbers a postmortem states about its incident: how many requests failed ("error
 * rate reached 80%", "18% of checkout requests failed", "success rate fell to 40%"),
 * latency ("p99 latency 4.2 s"), traffic ("traffic dropped 60%") and the SLO. Each comes
 * with the words and line it was read from, so the draft can quote its source. Thresholds,
 * budgets and targets are not the incident and are skipped.
 */
import type { Postmortem } from './postmortem.ts';
import { sentences } from './postmortem-timeline.ts';

export interface Figure {
  value: number;
  /** The words it was read from. */
  quote: string;
  line: number;
}

export interface Figures {
  /** The share of requests that failed at the worst point, 0–1. */
  errorShare?: Figure;
  /** The worst latency stated, in milliseconds, at a percentile. */
  latency?: Figure & { metric: 'p50' | 'p95' | 'p99' };
  /** Traffic as a multiple of normal during the incident (0.4 for "dropped 60%"). */
  traffic?: Figure;
  /** The SLO objective, in percent. */
  objective?: Figure;
}

interface Snippet {
  text: string;
  line: number;
  /** From the Impact or Summary section, where "18% of requests" means failed ones. */
  impact: boolean;
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, ten: 10, twenty: 20 };
const NOT_THE_INCIDENT = /\b(threshold|budget|SLOs?|objective|target|alert(?:s|ing)? (?:when|if)|would|should)\b/i;
const PCT = '(\\d{1,3}(?:\\.\\d+)?)\\s*%';

const ERROR_RATE = new RegExp(`\\b(?:error|failure|5xx|5\\d\\d)(?:s|[\\s-]?rate|[\\s-]?ratio)?\\b[^%;]{0,40}?${PCT}`, 'gi');
const SHARE_OF = new RegExp(`${PCT}\\s+of\\s+(?:[\\w-]+\\s+){0,3}?(?:requests|calls|checkouts?|payments?|logins?|sign-?ins?|traffic|orders|transactions|searches|uploads|queries|users|customers|jobs|builds)\\b([^.;]{0,60})`, 'gi');
const FAILED = /\b(fail|failed|failing|errored|error|errors|returned (?:a |an )?(?:5\d\d|error)|timed out|time out|were (?:dropped|rejected|lost))\b/i;
const SUCCESS = new RegExp(`\\b(?:success rate|availability|success ratio)\\b[^%;]{0,30}?\\b(?:dropped|fell|down|declined|plunged|decreased)\\s+(?:to\\s+)?(?:about\\s+|around\\s+|~)?${PCT}`, 'gi');
const LATENCY = /\b(p50|p95|p99|median|95th percentile|99th percentile|latency|response times?)\b[^.;%]{0,40}?(\d+(?:[.,]\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)\b/gi;
const TRAFFIC = /\b(?:traffic|requests?|rps|qps|request rate|throughput|request volume)\b[^.;]{0,30}?\b(dropped|fell|decreased|declined|dipped|plunged|rose|increased|spiked|jumped|surged|grew|climbed)\s+(by\s+|to\s+)?(?:about\s+|around\s+|roughly\s+|~)?(\d{1,3}(?:\.\d+)?)\s*%/gi;
const TRAFFIC_TIMES = /\b(?:traffic|requests?|rps|qps|request rate|load)\b[^.;]{0,30}?\b(doubled|tripled|(\d+(?:\.\d+)?)\s*(?:x|×|times))/gi;
const OBJECTIVE = /(\d{2}(?:\.\d+)?)\s*%\s+(?:[\w-]+\s+){0,2}?(?:SLO|objective|availability target)|\bSLO\b[^.;%]{0,30}?(\d{2}(?:\.\d+)?)\s*%/i;

function snippets(pm: Postmortem): Snippet[] {
  const out: Snippet[] = [];
  const skip = new Set([pm.sections.actionItems, pm.sections.lessons, pm.sections.timeline].flatMap((s) => s?.blocks ?? []));
  const impact = new Set([pm.sections.impact, pm.sections.summary].flatMap((s) => s?.blocks ?? []));
  // Header fields ("**Impact:** …") are sections made up from a block: read them as theirs.
  for (const block of [...impact].filter((b) => !pm.blocks.includes(b))) if (block.kind !== 'row') out.push(...sentences(block.text).map((text) => ({ text, line: block.line, impact: true })));
  for (const block of pm.blocks) {
    if (skip.has(block) || block.kind === 'heading') continue;
    const text = block.kind === 'row' ? block.cells.join(' — ') : block.text;
    for (const sentence of sentences(text)) out.push({ text: sentence, line: block.line, impact: impact.has(block) });
  }
  for (const entry of pm.timeline) for (const sentence of sentences(entry.text)) out.push({ text: sentence, line: entry.line, impact: false });
  return out;
}

const quoteOf = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);

/** Keeps the larger of two figures: the worst point of the incident is what the scenario plays. */
function worst<T extends Figure>(a: T | undefined, b: T): T {
  return a === undefined || b.value > a.value ? b : a;
}

/** Reads every figure the postmortem states. */
export function figuresFrom(pm: Postmortem): Figures {
  const figures: Figures = {};
  let words: Figure | undefined;
  for (const s of snippets(pm)) {
    const here = (value: number): Figure => ({ value, quote: quoteOf(s.text), line: s.line });
    const aboutIncident = !NOT_THE_INCIDENT.test(s.text);
    // "Error ratio back under 0.1%" is the recovery, not the incident.
    const recovery = /\b(back (to|under|below)|returned to|recovered|normal)\b/i.test(s.text);
    if (aboutIncident) {
      if (!recovery) for (const m of s.text.matchAll(ERROR_RATE)) figures.errorShare = worst(figures.errorShare, here(Number(m[1]) / 100));
      for (const m of s.text.matchAll(SHARE_OF)) if (s.impact || FAILED.test(m[2] ?? '')) figures.errorShare = worst(figures.errorShare, here(Number(m[1]) / 100));
      for (const m of s.text.matchAll(SUCCESS)) figures.errorShare = worst(figures.errorShare, here(1 - Number(m[1]) / 100));
      const ratio = /\b(?:one|1)\s+(?:[\w-]+\s+)?in\s+(two|three|four|five|ten|twenty|\d{1,4})\b/i.exec(s.text);
      const of = ratio ? (NUMBER_WORDS[(ratio[1] as string).toLowerCase()] ?? Number(ratio[1])) : 0;
      if (ratio && s.impact && of >= 2) words ??= here(1 / of);
      for (const m of s.text.matchAll(LATENCY)) {
        const which = (m[1] as string).toLowerCase();
        const metric = /50|median/.test(which) ? 'p50' : /95/.test(which) ? 'p95' : 'p99';
        const ms = Number((m[2] as string).replace(',', '.')) * (/^m/i.test(m[3] as string) ? 1 : 1000);
        if (ms > 0 && ms < 600_000 && (!figures.latency || ms > figures.latency.value)) figures.latency = { ...here(ms), metric };
      }
      for (const m of s.text.matchAll(TRAFFIC)) {
        const n = Number(m[3]) / 100;
        const down = /^(dropped|fell|decreased|declined|dipped|plunged)$/i.test(m[1] as string);
        const factor = m[2]?.trim() === 'to' ? n : down ? 1 - n : 1 + n;
        if (factor >= 0 && factor <= 20) figures.traffic ??= here(Math.round(factor * 100) / 100);
      }
      for (const m of s.text.matchAll(TRAFFIC_TIMES)) {
        const factor = m[1] === 'doubled' ? 2 : m[1] === 'tripled' ? 3 : Number(m[2]);
        if (factor > 0 && factor <= 20) figures.traffic ??= here(factor);
      }
    }
    const objective = OBJECTIVE.exec(s.text);
    if (objective && !figures.objective) {
      const value = Number(objective[1] ?? objective[2]);
      if (value >= 90 && value < 100) figures.objective = here(value);
    }
  }
  if (!figures.errorShare && words) figures.errorShare = words;
  if (figures.errorShare) figures.errorShare.value = Math.min(1, figures.errorShare.value);
  const slo = /(\d{2}(?:\.\d+)?)\s*%/.exec(pm.meta.slo ?? '');
  if (slo && Number(slo[1]) >= 90 && Number(slo[1]) < 100) figures.objective = { value: Number(slo[1]), quote: `SLO: ${pm.meta.slo}`, line: 0 };
  return figures;
}
