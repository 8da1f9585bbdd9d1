/**
 * A generated scenario before it is written out: the scenario data, the comments that
 * explain it, and the markdown files (runbooks) that go beside it. The generators build
 * drafts; `renderDraft` turns one into files; only the CLI touches the disk.
 */
import type { ScenarioInput } from '../schema/index.ts';
import { renderCommentedYaml, type Note } from './commented-yaml.ts';

export type { Note };

/** A markdown file beside the scenario, by path relative to the scenario folder. */
export interface DraftFile {
  path: string;
  text: string;
}

export interface Draft {
  /** Comment lines at the top of scenario.yaml (the first binds the JSON Schema for editors). */
  header: string;
  scenario: ScenarioInput;
  notes: Note[];
  files: DraftFile[];
}

/** The line that makes VS Code, JetBrains and other YAML editors load the schema for completion. */
export const SCHEMA_BINDING = 'yaml-language-server: $schema=../scenario.schema.json';

/** The generated files: scenario.yaml first, then the runbooks. */
export function renderDraft(draft: Draft): DraftFile[] {
  const yaml = renderCommentedYaml(draft.scenario, draft.notes, `${SCHEMA_BINDING}\n${draft.header}`);
  return [{ path: 'scenario.yaml', text: yaml }, ...draft.files];
}

/** Shorthand for a comment above a place. */
export function above(path: Note['path'], text: string, extra: Omit<Note, 'path' | 'above'> = {}): Note {
  return { path, above: text, ...extra };
}

/** Shorthand for a comment at the end of a line. */
export function after(path: Note['path'], text: string, extra: Omit<Note, 'path' | 'after'> = {}): Note {
  return { path, after: text, ...extra };
}

/** A `# TODO:` marker: the checker ignores comments, so these stay until the author acts on them. */
export function todo(text: string): string {
  return `TODO: ${text}`;
}
