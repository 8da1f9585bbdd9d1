/**
 * The causes a postmortem names, as facts a player can uncover one at a time: each
 * paragraph or bullet of the Root cause section, and each contributing factor, becomes
 * its own fact, whole. Only a paragraph longer than a fact may hold is split, at sentence
 * ends, so nothing is cut off mid-thought.
 */
import type { Block } from './postmortem-blocks.ts';
import type { Postmortem, Section } from './postmortem.ts';
import { fit } from './postmortem-text.ts';
import { sentences } from './postmortem-timeline.ts';

/** The schema's limit on a fact's text. */
const FACT_LENGTH = 600;

export interface CauseFact {
  id: string;
  text: string;
  /** Where it was read, for the comment above it. */
  line: number;
  kind: 'root-cause' | 'contributing';
}

/** Text cut into pieces of at most `max` characters at sentence ends. */
function pieces(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences(text)) {
    if (current && current.length + 1 + sentence.length > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) out.push(current);
  return out.map((p) => fit(p, max));
}

/** Paragraphs and bullets of a section, in order; a "Contributing factors:" lead-in switches kind. */
function chunks(section: Section | undefined, kind: CauseFact['kind']): Array<{ text: string; line: number; kind: CauseFact['kind'] }> {
  const out: Array<{ text: string; line: number; kind: CauseFact['kind'] }> = [];
  let current = kind;
  for (const block of section?.blocks ?? ([] as Block[])) {
    if (block.kind === 'heading' || block.kind === 'row') continue;
    const text = block.text.trim();
    if (!text) continue;
    if (/^(contributing (factors|causes)|other factors|also contributing)\b[^.]*:$/i.test(text)) {
      current = 'contributing';
      continue;
    }
    // A bullet's later paragraph belongs to the bullet.
    const last = out[out.length - 1];
    if (block.kind === 'paragraph' && block.inItem && last) {
      last.text = `${last.text} ${text}`;
      continue;
    }
    out.push({ text: text.replace(/^(root cause|contributing factor)\s*\d*\s*[:.]\s*/i, ''), line: block.line, kind: current });
  }
  return out;
}

/** The root cause and contributing factors as separate facts (the Trigger section stands in for a missing root cause). */
export function causeFacts(pm: Postmortem): CauseFact[] {
  const found = [...chunks(pm.sections.rootCause ?? pm.sections.trigger, 'root-cause'), ...chunks(pm.sections.contributing, 'contributing')];
  const facts: CauseFact[] = [];
  const count = { 'root-cause': 0, contributing: 0 };
  for (const chunk of found) {
    for (const text of pieces(chunk.text, FACT_LENGTH)) {
      const n = ++count[chunk.kind];
      const id = chunk.kind === 'root-cause' ? (n === 1 ? 'root-cause' : `root-cause-${n}`) : `contributing-${n}`;
      facts.push({ id, text, line: chunk.line, kind: chunk.kind });
    }
  }
  return facts.slice(0, 20);
}
