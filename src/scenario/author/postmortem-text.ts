/**
 * Turning a postmortem's prose into scenario text: button labels from timeline entries,
 * the failure rate the impact section states, text cut to the schema's limits.
 */
import type { Postmortem } from './postmortem.ts';

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, ten: 10, twenty: 20 };

/** Cuts text to `max` characters at a word boundary. */
export function fit(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:—–-]+$/, '')}…`;
}

/** Past participles a timeline uses for fixes, and the imperative a button wants. */
const IMPERATIVE: Record<string, string> = {
  reverted: 'Revert', rolled: 'Roll', restarted: 'Restart', disabled: 'Disable', enabled: 'Enable', scaled: 'Scale',
  drained: 'Drain', killed: 'Kill', deployed: 'Deploy', paused: 'Pause', removed: 'Remove', increased: 'Increase',
  reduced: 'Reduce', flushed: 'Flush', purged: 'Purge', patched: 'Patch', applied: 'Apply', renewed: 'Renew',
  rotated: 'Rotate', blocked: 'Block', updated: 'Update', stopped: 'Stop', failed: 'Fail', moved: 'Move',
};
const NOT_A_NAME = new Set(['The', 'A', 'An', 'We', 'Our', 'It', 'This', 'That', 'All', 'Error', 'Errors', 'Incident', 'Support', 'Customers']);

/** "Dana restarts the pods" → "Restart the pods"; "CHG-1 is reverted" → "Revert CHG-1"; otherwise unchanged. */
export function imperative(clause: string): string {
  const declared = /^(?:the )?incident (?:is |was )?declared (?:as |at )?(?:a )?(SEV-?\d)/i.exec(clause);
  if (declared) return `Declare a ${(declared[1] as string).toUpperCase().replace('-', '')} incident`;
  const person = /^([A-Z][a-z]+)\s+([a-z]+)\s+(.*)$/.exec(clause);
  if (person && !NOT_A_NAME.has(person[1] as string) && /[^s]s$|[sxz]es$|[cs]hes$/.test(person[2] as string)) {
    const verb = (person[2] as string).replace(/ies$/, 'y').replace(/([sxz]|[cs]h)es$/, '$1').replace(/s$/, '');
    return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${person[3]}`;
  }
  const passive = /^(.+?)\s+(?:is|was|are|were|gets|got)\s+([a-z]+ed)\b\s*(.*)$/.exec(clause);
  const base = passive ? IMPERATIVE[passive[2] as string] : undefined;
  if (passive && base) return `${base} ${passive[1]}${passive[3] ? ` ${passive[3]}` : ''}`;
  return clause;
}

/** The first clause of an entry as a button label: "Dana restarts the pods; errors dip" → "Restart the pods". */
export function labelOf(text: string): string {
  const clause = text.split(/[;:—(]|, (?=\w+ \w+)/)[0] ?? text;
  return fit(imperative(clause.replace(/[.,]+$/, '').trim()), 60);
}

/** The share of requests that failed, if the postmortem states it ("18% of checkout requests", "one in five"). */
export function failingShareFrom(pm: Postmortem): number | undefined {
  const prose = `${pm.sections.impact?.text ?? ''}\n${pm.sections.summary?.text ?? ''}`;
  const percent = /(\d+(?:\.\d+)?)\s*%\s+of\s+(?:[\w-]+\s+){0,2}(requests|calls|checkouts?|payments?|logins?|sign-?ins?|traffic|orders|transactions|searches|uploads)/i.exec(prose);
  if (percent) return Number(percent[1]) / 100;
  const words = /\bone\s+[\w-]+\s+in\s+(two|three|four|five|ten|twenty)\b/i.exec(prose);
  return words ? 1 / (NUMBER_WORDS[(words[1] as string).toLowerCase()] as number) : undefined;
}
