/**
 * What part each timeline entry plays in the scenario, guessed from its words. The
 * guess is only a starting point: every generated element quotes the entry it came
 * from, so the author can see the mapping and move things. The keyword lists are
 * documented in docs/authoring.md; keep the two in step.
 */
import type { TimelineEntry } from './postmortem.ts';

export type Role =
  /** The change that started it: the scenario's phase change. */
  | 'trigger'
  /** An alert or page: the scenario's alerts produce this by themselves. */
  | 'alert'
  /** Someone outside the response reports or asks: a stakeholder message. */
  | 'report'
  /** Responders tell people: a communicate action. */
  | 'communicate'
  /** Responders bring in more people: an escalate action. */
  | 'escalate'
  /** A change to production meant to help: a mitigate action (the last one is the fix). */
  | 'mitigate'
  /** The service is healthy again: the recovering phase ends. */
  | 'recovered'
  /** Anything else responders did or found: an investigate action revealing a fact. */
  | 'investigate'
  /** What happened before anyone responded (no alert or report yet): ground truth for the phase. */
  | 'symptom';

/** Checked in this order; the first that matches wins. */
export const ROLE_WORDS: ReadonlyArray<[Role, RegExp]> = [
  ['recovered', /\b(resolved|recovered|back to normal|returns? to normal|back under|back below|all clear|fully restored|service restored)\b/i],
  // Someone outside the response is the subject of the sentence.
  ['report', /^(customer support|support|customers?|users?|a (customer|user)|sales|account management|the (ceo|cto|vp)\b|executives?)\b/i],
  ['mitigate', /\b(roll(ed|s|ing)? ?back|revert(ed|s|ing)?|restart(ed|s|ing)?|scal(ed|es|ing) (out|up)|scales?|fail(ed|s)? ?over|disabl(ed|es|ing)|drain(ed|s|ing)?|kill(ed|s)?|hotfix|feature flag|flag (off|on)|block(ed|s)?|rate[- ]limit(ed|s)?|shed(s|ding)?|paus(ed|es|ing)|throttl(ed|es|ing)|reduc(ed|es|ing)|kill switch|flipped|(moved|shifted|failed|routed|redirected) (\w+ )?(traffic|back)|deploy(ed|s)? (a|the) (fix|hotfix|patch|manually|renewed|new cert|replacement)|(renewed|replaced|rotated|reissued) (the |a )?(\w+ )?cert)/i],
  // Before alerts, so that "status page" is not read as a page.
  ['communicate', /\b(status ?page|posts?|posted|announce[sd]?|declared|update[sd]?)\b/i],
  ['alert', /\b(alert(s|ed)?|alarm|page[sd]?|paging|fired|monitor(ing)? (caught|flagged))\b/i],
  ['escalate', /\b(escalat(ed|es|ing)|called in|brought in|joins?|joined|pull(ed|s) in)\b/i],
  ['trigger', /\b(deploy(ed|s|ment)?|roll(ed|s)? out|rollout|releas(e|ed|es)|push(ed|es)?|config(uration)? change|migration|merged|CHG-\d+|change \w+ (applied|made))\b/i],
];

/** The role of one entry, ignoring the trigger (see {@link assignRoles}). */
export function roleOf(text: string): Role {
  for (const [role, words] of ROLE_WORDS) if (role !== 'trigger' && words.test(text)) return role;
  return 'investigate';
}

export interface TimelineRoles {
  trigger: TimelineEntry;
  /** The last mitigation before recovery: the fix the scenario's winning path takes. */
  fix: TimelineEntry | undefined;
  /** When the service was healthy again (the first recovery after the fix). */
  recovered: TimelineEntry | undefined;
  /** Every other entry between the trigger and the fix, with its role. */
  during: Array<{ entry: TimelineEntry; role: Role }>;
  /** Entries after the fix that are not the recovery (quoted as comments only). */
  after: TimelineEntry[];
}

/**
 * Assigns roles to a whole timeline: the first entry that reads like a change is the
 * trigger (the first entry if none does); the last mitigation before the first recovery
 * is the fix; what lies between becomes actions and messages.
 */
export function assignRoles(timeline: readonly TimelineEntry[]): TimelineRoles {
  const triggerWords = (ROLE_WORDS.find(([r]) => r === 'trigger') as [Role, RegExp])[1];
  // The trigger comes before anyone responds: a deploy after the first page is a fix, not the cause.
  const firstResponse = timeline.findIndex((e, i) => i > 0 && ['alert', 'report', 'mitigate', 'communicate', 'escalate'].includes(roleOf(e.text)));
  const beforeResponse = firstResponse < 0 ? timeline : timeline.slice(0, firstResponse);
  const trigger = beforeResponse.find((e) => triggerWords.test(e.text) && roleOf(e.text) !== 'recovered') ?? (timeline[0] as TimelineEntry);
  const rest = timeline.filter((e) => e.t >= trigger.t && e !== trigger);
  const firstRecovery = rest.findIndex((e) => roleOf(e.text) === 'recovered');
  const beforeRecovery = firstRecovery < 0 ? rest : rest.slice(0, firstRecovery);
  let fixIndex = -1;
  beforeRecovery.forEach((e, i) => {
    if (roleOf(e.text) === 'mitigate') fixIndex = i;
  });
  const fix = fixIndex >= 0 ? beforeRecovery[fixIndex] : undefined;
  const duringEntries = fixIndex >= 0 ? beforeRecovery.slice(0, fixIndex) : beforeRecovery;
  const recovered = firstRecovery >= 0 ? rest[firstRecovery] : undefined;
  const used = new Set<TimelineEntry>([trigger, ...duringEntries, ...(fix ? [fix] : []), ...(recovered ? [recovered] : [])]);
  // Until an alert or a report, nobody is responding: what happens is a symptom, not a finding.
  let responding = false;
  const during = duringEntries.map((entry) => {
    const role = roleOf(entry.text);
    if (role !== 'investigate') responding = true;
    return { entry, role: responding ? role : ('symptom' as const) };
  });
  return {
    trigger,
    fix,
    recovered,
    during,
    after: timeline.filter((e) => !used.has(e)),
  };
}
