/**
 * English verb forms as timelines use them ("restarts", "rolled", "began", "investigating")
 * back to the base form a button label wants ("Restart", "Roll", "Begin", "Investigate").
 * A small rule set plus the irregular verbs and e-ending verbs responders use; a word it
 * does not know is left as it is rather than guessed.
 */

/** Irregular past tenses and participles → base. */
const IRREGULAR: Record<string, string> = {
  began: 'begin', begun: 'begin', brought: 'bring', broke: 'break', broken: 'break', built: 'build', chose: 'choose', chosen: 'choose',
  cut: 'cut', did: 'do', done: 'do', drew: 'draw', drawn: 'draw', drove: 'drive', driven: 'drive', found: 'find', froze: 'freeze',
  frozen: 'freeze', gave: 'give', given: 'give', got: 'get', gotten: 'get', had: 'have', held: 'hold', hid: 'hide', kept: 'keep',
  knew: 'know', led: 'lead', left: 'leave', let: 'let', lost: 'lose', made: 'make', met: 'meet', overrode: 'override', overridden: 'override',
  paid: 'pay', put: 'put', ran: 'run', read: 'read', rebuilt: 'rebuild', redid: 'redo', reran: 'rerun', reset: 'reset', rewrote: 'rewrite',
  rewritten: 'rewrite', rolledback: 'roll back', said: 'say', saw: 'see', seen: 'see', sent: 'send', set: 'set', shut: 'shut', spun: 'spin',
  split: 'split', spoke: 'speak', stood: 'stand', struck: 'strike', swapped: 'swap', took: 'take', taken: 'take', told: 'tell', thought: 'think',
  threw: 'throw', thrown: 'throw', understood: 'understand', undid: 'undo', undone: 'undo', went: 'go', gone: 'go', woke: 'wake', wrote: 'write',
  written: 'write', added: 'add', shed: 'shed', fed: 'feed', sped: 'speed', bled: 'bleed', withdrew: 'withdraw', upheld: 'uphold', is: 'be', was: 'be', were: 'be', has: 'have', does: 'do', goes: 'go',
};

/** Base forms ending in e, so that "disabled" → "disable" and "pauses" → "pause". */
const E_BASES = new Set(
  (
    'acknowledge analyse analyze approve archive cause change close communicate compare complete configure continue coordinate create ' +
    'decide declare decrease delete deprecate determine diagnose disable drive enable escalate estimate evacuate execute finalise finalize ' +
    'force generate ignore increase initiate invalidate investigate isolate issue locate manage merge migrate mitigate move note notice ' +
    'observe operate page pause phase prepare promote propagate provide provision purge raise reconfigure reduce release relocate remove ' +
    'replace require reschedule resolve restore resume retire revoke rotate route save scale schedule serve share stage throttle trace ' +
    'tune update use validate recycle refuse rebalance reprovision reissue sanitise sanitize capture examine revise confine'
  ).split(/\s+/),
);

/** Verbs a timeline entry may open with when it has no subject ("Checked the logs"). */
export const ACTION_VERBS = new Set(
  (
    'acknowledge add alert analyse analyze apply ask assess begin block bump call cancel check clear communicate confirm contact cordon correlate ' +
    'create debug declare delete deploy diagnose disable discover drain drop email enable escalate examine execute fail find fix flip flush freeze ' +
    'grep identify increase inspect investigate isolate join kill look lower migrate mitigate monitor move notice notify observe open page patch pause ' +
    'ping post promote pull purge push query raise re-enable reboot rebuild recreate redeploy reduce redirect reload remove reopen repair replace ' +
    'reroute reset restart restore resume retry revert review revoke roll rotate route run scale send set shed ship shut silence spin start stop ' +
    'suspend swap switch take tell terminate throttle trace trigger try tune turn undo update upgrade validate verify watch'
  ).split(/\s+/),
);

/** Words after a verb that belong to it: "roll back", "fail over", "spin up". */
export const PARTICLES = new Set(['back', 'over', 'up', 'down', 'out', 'off', 'on', 'in', 'away']);

/** The base of a past tense or participle ("rolled" → "roll", "applied" → "apply"), or undefined if `word` is not one. */
export function baseOfPast(word: string): string | undefined {
  const w = word.toLowerCase();
  if (IRREGULAR[w] && !['is', 'has', 'does', 'goes'].includes(w)) return IRREGULAR[w];
  if (!/ed$/.test(w) || w.length < 4) return undefined;
  if (/ied$/.test(w)) return w.replace(/ied$/, 'y');
  const stem = w.slice(0, -2);
  if (E_BASES.has(`${stem}e`)) return `${stem}e`;
  if (stem.length < 3) return undefined;
  if (/([bdgkmnprtv])\1$/.test(stem)) return stem.slice(0, -1);
  return stem.endsWith('e') ? w.slice(0, -1) : stem;
}

/** The base of a third-person verb ("restarts" → "restart", "pushes" → "push"), or undefined. */
export function baseOfThirdPerson(word: string): string | undefined {
  const w = word.toLowerCase();
  if (IRREGULAR[w] && ['has', 'does', 'goes'].includes(w)) return IRREGULAR[w];
  if (!/[^s]s$|[sxz]es$|[cs]hes$|ies$/.test(w) || /(ss|us|is)$/.test(w) || w.length < 3) return undefined;
  if (/ies$/.test(w)) return w.replace(/ies$/, 'y');
  const dropS = w.slice(0, -1);
  if (E_BASES.has(dropS)) return dropS;
  if (/([sxz]|[cs]h)es$/.test(w)) return w.slice(0, -2);
  return dropS;
}

/** The base of a gerund ("investigating" → "investigate", "rolling" → "roll"), or undefined. */
export function baseOfGerund(word: string): string | undefined {
  const w = word.toLowerCase();
  if (!/ing$/.test(w) || w.length < 5) return undefined;
  const stem = w.slice(0, -3);
  if (E_BASES.has(`${stem}e`)) return `${stem}e`;
  if (/([bdgkmnprtv])\1$/.test(stem)) return stem.slice(0, -1);
  return stem;
}
