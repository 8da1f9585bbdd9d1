/**
 * Turning a postmortem's prose into scenario text: button labels and ids from timeline
 * entries, text cut to the schema's limits. The figures it states are read in
 * postmortem-figures.ts.
 */
import { ACTION_VERBS, baseOfGerund, baseOfPast, baseOfThirdPerson, PARTICLES } from './postmortem-verbs.ts';
import { suggestId } from './scenario-id.ts';

/** Cuts text to `max` characters at a word boundary. */
export function fit(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:—–-]+$/, '')}…`;
}

const NOT_A_NAME = new Set(['The', 'A', 'An', 'Our', 'It', 'This', 'That', 'All', 'Error', 'Errors', 'Incident', 'Support', 'Customers', 'Traffic', 'Latency', 'Alerts', 'Monitoring']);
/** Words that make a subject a person (or a group of people) doing something. */
const PERSON = /\b(engineers?|sres?|on-?call|oncall|responders?|commander|ic|team|operators?|developers?|dbas?|leads?|admins?|staff|we|i|they|someone|somebody|he|she|managers?|analysts?|owners?|primary|secondary|everyone|oncaller|investigators?)\b/i;
const ADVERB = /^(then|also|first|finally|quickly|immediately|manually|successfully|eventually|again|now|promptly|later|further|partially|fully)$|ly$/i;
/** Verbs that lead into the real action: "began investigating", "decided to roll back". */
const LEAD_IN = new Set(['begin', 'start', 'decide', 'try', 'attempt', 'continue', 'proceed', 'choose', 'need', 'want', 'manage', 'have', 'get']);
/** Participles that describe a state, not something a responder did: "the database was overloaded". */
const STATE = /^(overloaded|saturated|exhausted|degraded|affected|impacted|exceeded|elevated|delayed|stuck|exposed|involved|located|based|related|unavailable|unreachable|limited|broken|down|full|paged|alerted|notified|triggered|detected|seen|observed|reported|caused|required|expected|fired)$/i;

/** The base of a verb in any of the forms a timeline writes it, if it is one. */
function verbBase(word: string, pronounSubject: boolean): string | undefined {
  const w = word.toLowerCase();
  return baseOfThirdPerson(w) ?? baseOfPast(w) ?? baseOfGerund(w) ?? (pronounSubject && ACTION_VERBS.has(w) ? w : undefined);
}

/** After a lead-in verb, the real one: "began investigating X", "decided to roll back". */
function afterLeadIn(words: string[], i: number): { base: string; at: number } | undefined {
  let j = i + 1;
  if (words[j]?.toLowerCase() === 'to') j++;
  const next = words[j];
  if (!next) return undefined;
  const base = baseOfGerund(next) ?? baseOfPast(next) ?? (ACTION_VERBS.has(next.toLowerCase()) ? next.toLowerCase() : undefined);
  return base ? { base, at: j } : undefined;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** A sentence's first word, lowercased when it moves inside a label ("The migration" → "the migration"), unless it is a name or code. */
const lowerStart = (text: string) => text.replace(/^[A-Z][a-z-]+\b(?!['’]s)/, (w) => w.toLowerCase());

/** Whether words[0..end) read like who did it: a name, a pronoun or a role. */
function isSubject(words: string[]): boolean {
  if (words.length === 0 || words.length > 7) return false;
  if (PERSON.test(words.join(' '))) return true;
  // A name: one or two capitalised words ("Dana", "Dana Okafor"), not "The" or "Errors".
  return words.length <= 2 && words.every((w) => /^[A-Z][a-z]+$/.test(w) && !NOT_A_NAME.has(w));
}

/** Who did it ("by Sam", "by the on-call engineer") off an instruction. */
function withoutAgent(text: string): string {
  return text.replace(/\s*\bby\s+(?:the\s+|an?\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|[\w-]+\s+(?:engineer|team|bot|sre|commander|lead)|on-?call(?:\s+engineer)?|us|we)\b/, '').trim();
}

/**
 * The instruction a button shows, from an entry written in third person, past tense or
 * passive: "The SRE opens the edge dashboard" → "Open the edge dashboard", "The on-call
 * engineer rolled back the deploy" → "Roll back the deploy", "CHG-4471 is reverted" →
 * "Revert CHG-4471". Text that names no action ("The database fails over") is kept.
 */
export function imperative(clause: string): string {
  const declared = /^(?:the )?incident (?:is |was )?declared (?:as |at )?(?:a )?(SEV-?\d)/i.exec(clause);
  if (declared) return `Declare a ${(declared[1] as string).toUpperCase().replace('-', '')} incident`;
  const words = clause.replace(/^(then|finally|next|meanwhile),?\s+/i, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return clause;
  // Someone brought in: "Fraud-check team called in to the bridge" → "Call in the fraud-check team".
  const calledIn = /^(.+?)\s+(?:(?:is|was|were|are|gets|got)\s+)?(called|brought|pulled|paged) in\b\s*((?:to|on)\b.*)?$/i.exec(clause);
  if (calledIn && !/^(we|i|they|[A-Z][a-z]+)$/.test(calledIn[1] as string)) {
    const verb = (calledIn[2] as string).toLowerCase().replace(/ed$/, '').replace(/^call$/, 'call').replace(/^paged?$/, 'page').replace(/^brought$/, 'bring');
    return capital(`${verb} in ${/^(the|a|an)\s/i.test(calledIn[1] as string) ? '' : 'the '}${lowerStart(calledIn[1] as string)}${calledIn[3] ? ` ${calledIn[3]}` : ''}`);
  }
  // No subject: "Checks the logs", "Rolled back the deploy", "Investigating the LB".
  const first = verbBase(words[0] as string, true);
  // "Retries were shed" starts with a noun: a verb is not followed by an auxiliary.
  const nounFirst = /^(is|was|were|are|has|have|had|got|gets|did|do|does|and|in|on|of)$/i.test(words[1] ?? '');
  if (first && ACTION_VERBS.has(first) && !nounFirst) return capital([first, ...words.slice(1)].join(' '));

  for (let i = 1; i < Math.min(words.length, 9); i++) {
    if (!isSubject(words.slice(0, i))) continue;
    let at = i;
    while (at < words.length - 1 && ADVERB.test(words[at] as string)) at++;
    const pronoun = /^(we|i|they)$/i.test(words[i - 1] as string);
    let base = verbBase(words[at] as string, pronoun);
    if (!base) continue;
    if (base === 'be') {
      // "Dana is investigating X" is an action; "Retries were shed" is a passive, read below.
      const gerund = baseOfGerund(words[at + 1] ?? '');
      if (!gerund) break;
      base = gerund;
      at += 1;
    } else if (LEAD_IN.has(base)) {
      const real = afterLeadIn(words, at);
      if (real) {
        base = real.base;
        at = real.at;
      } else if (base === 'have' || base === 'get') {
        continue;
      }
    }
    return capital(withoutAgent([base, ...words.slice(at + 1)].join(' ')));
  }

  const passive = /^(.+?)\s+(?:is|was|are|were|gets|got|has been|have been|had been|being)\s+(?:(?:then|also|quickly|manually|finally|successfully|partially|fully)\s+)?([a-z]+)\b\s*(.*)$/.exec(clause);
  const participle = passive?.[2] as string | undefined;
  const base = participle && !STATE.test(participle) ? baseOfPast(participle) : undefined;
  if (passive && base) {
    let rest = passive[3] as string;
    let particle = '';
    const p = /^(\w+)\b\s*(.*)$/.exec(rest);
    if (p && PARTICLES.has((p[1] as string).toLowerCase())) {
      particle = ` ${p[1]}`;
      rest = p[2] as string;
    }
    const object = lowerStart(passive[1] as string);
    return capital(withoutAgent(`${base}${particle} ${object}${rest ? ` ${rest}` : ''}`));
  }
  return clause;
}

/** Where a clause ends: a semicolon, a dash, a bracket, a colon that is not inside a time, a sentence's end. */
const CLAUSE_END = /;|\s[—–-]\s|\s*\(|:(?=\s|$)|\.(?=\s|$)|,\s+(?=(?:and|but|which|who|while|then|so|when|after|as|because|where|though|although|no|errors?|it|this)\b)/;

/** The first clause of an entry as a button label: "Dana restarts the pods; errors dip" → "Restart the pods". */
export function labelOf(text: string): string {
  const clause = text.split(CLAUSE_END)[0] ?? text;
  const label = firstAction(imperative(clause.replace(/[.,]+$/, '').trim())).replace(/\s+at\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*UTC)?$/i, '');
  return fit(label || text, 60);
}

/** The first of two joined actions: "Open the dashboard and sees timeouts" → "Open the dashboard". */
function firstAction(label: string): string {
  const words = label.split(' ');
  for (let i = 2; i < words.length - 1; i++) {
    if (words[i] !== 'and') continue;
    const next = words[i + 1] as string;
    const clause = words.slice(i + 1, i + 6).join(' ');
    if (baseOfThirdPerson(next) || baseOfPast(next) || /^\S+(\s+\S+){0,3}\s+(is|was|were|are)\b/.test(clause)) return words.slice(0, i).join(' ');
  }
  return label;
}

/** Small words an id does without: "Open the edge dashboard" → open-edge-dashboard. */
const ID_NOISE = new Set(['the', 'a', 'an', 'our', 'its', 'their', 'his', 'her', 'some', 'all']);

/** A short id from a label: the first four words that carry meaning, kebab-case. */
export function idFromLabel(label: string): string | undefined {
  const words = label
    .replace(/[’']s\b/g, '')
    .split(/[\s/]+/)
    .filter((w) => !ID_NOISE.has(w.toLowerCase()) && /[a-z0-9]/i.test(w));
  const id = suggestId(words.slice(0, 4).join(' '));
  return id?.replace(/(-(in|on|at|of|to|for|from|with|and|by|into|onto|via))+$/, '');
}
