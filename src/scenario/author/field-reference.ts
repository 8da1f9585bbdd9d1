/**
 * The field reference in docs/authoring.md, generated from the exported JSON Schema: the
 * descriptions come from the Zod schema's `.meta()`, the same text editors show on hover,
 * so the reference cannot drift from what the checker accepts.
 */
import { Condition, Effects, Evidence, InlineMessage, LogLine, TelemetryEffect } from '../schema/index.ts';

/** The subset of JSON Schema (draft-07, as Zod exports it) this reads. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  examples?: unknown[];
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/**
 * Names for shapes the schema uses in many places, recognised by fields only they have.
 * Each field that uses one describes its own use, so the shape's own description is
 * read from its Zod schema.
 */
const SHARED_NAMES: ReadonlyArray<[string, readonly string[], { description?: string | undefined }]> = [
  ['Condition', ['budgetSpentAbove', 'noUpdateFor'], Condition],
  ['Effects', ['goto', 'reveal', 'telemetry'], Effects],
  ['Evidence', ['dimension', 'level', 'why'], Evidence],
  ['Telemetry change', ['metric', 'shape', 'over'], TelemetryEffect],
  ['Log line', ['level', 'source', 'text'], LogLine],
  ['Message in effects', ['from', 'text'], InlineMessage],
];

const DURATION_PATTERN = /\(ms\|s\|m\|min\|h\|d\)/;
const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';

interface Section {
  title: string;
  anchor: string;
  schema: JsonSchema;
  /** The path where the shape first appears, for shared shapes. */
  firstSeen?: string;
}

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to dashes. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** A shape's identity, ignoring what differs per use (its description and default). */
function shapeKey(schema: JsonSchema): string {
  const { description: _d, default: _f, ...rest } = schema;
  return JSON.stringify(rest);
}

const isObject = (s: JsonSchema) => s.type === 'object' && !!s.properties;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (value: unknown) => `\`${typeof value === 'string' && value !== '' ? value : JSON.stringify(value)}\``;

function range(s: JsonSchema): string {
  const low = s.minimum ?? s.exclusiveMinimum;
  const high = s.maximum ?? s.exclusiveMaximum;
  // Very large upper bounds are sanity limits, not something an author needs to know.
  const bounded = high !== undefined && high < 1e6;
  if (low !== undefined && bounded) return `, ${low}–${high}`;
  if (low !== undefined) return s.exclusiveMinimum !== undefined ? `, > ${low}` : `, ≥ ${low}`;
  if (bounded) return `, ≤ ${high}`;
  return '';
}

/** Collects the sections in reading order and says how to show each field's type. */
class Reference {
  readonly sections: Section[] = [];
  private readonly uses = new Map<string, number>();
  private readonly shared = new Map<string, Section>();
  private readonly byTitle = new Map<string, Section>();

  constructor(root: JsonSchema) {
    this.count(root);
    this.section('Top level', root);
  }

  private count(s: JsonSchema): void {
    if (isObject(s)) this.uses.set(shapeKey(s), (this.uses.get(shapeKey(s)) ?? 0) + 1);
    for (const child of [...Object.values(s.properties ?? {}), ...(s.items ? [s.items] : []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) this.count(child);
  }

  /** The section with this title, made (with its subsections) the first time it is asked for. */
  private section(title: string, schema: JsonSchema): Section {
    const known = this.byTitle.get(title);
    if (known) return known;
    const section: Section = { title, anchor: slug(title), schema };
    this.sections.push(section);
    this.byTitle.set(title, section);
    for (const [name, field] of Object.entries(schema.properties ?? {})) this.type(field, title === 'Top level' ? name : `${title}.${name}`);
    return section;
  }

  /** A markdown link to the section for an object shape, creating it the first time. */
  private link(schema: JsonSchema, path: string): string {
    const key = shapeKey(schema);
    if ((this.uses.get(key) ?? 0) > 1) {
      let shared = this.shared.get(key);
      if (!shared) {
        const props = Object.keys(schema.properties ?? {});
        const known = SHARED_NAMES.find(([, needs]) => needs.every((p) => props.includes(p)));
        const name = known?.[0] ?? path;
        const description = known?.[2].description;
        const own = description ? { ...schema, description } : schema;
        // Registered before its fields are walked, so a shape that contains itself ends.
        shared = { title: name, anchor: slug(name), schema: own, firstSeen: path };
        this.shared.set(key, shared);
        this.section(name, own).firstSeen = path;
      }
      return `[${shared.title}](#${shared.anchor})`;
    }
    return `[${path}](#${this.section(path, schema).anchor})`;
  }

  /** The type column for a field at `path`. */
  type(s: JsonSchema, path: string): string {
    if (s.anyOf?.length === 2 && s.anyOf.some((o) => o.pattern && DURATION_PATTERN.test(o.pattern))) return 'duration';
    if (s.const !== undefined) return code(s.const);
    if (s.enum) return s.enum.map(code).join(' \\| ');
    if (s.oneOf) {
      return s.oneOf
        .map((o) => {
          const kind = o.properties?.kind?.const;
          return kind === undefined ? this.type(o, path) : this.link(o, `${path} (kind: ${String(kind)})`);
        })
        .join(' or ');
    }
    if (s.anyOf) return [...new Set(s.anyOf.map((o) => this.type(o, path)))].join(' or ');
    if (s.type === 'array' && s.items) return `list of ${this.type(s.items, `${path}[]`)}`;
    if (isObject(s)) return this.link(s, path);
    if (s.type === 'string') return s.pattern === ID_PATTERN ? 'id' : 'text';
    if (s.type === 'integer') return `whole number${range(s)}`;
    if (s.type === 'number') return `number${range(s)}`;
    if (s.type === 'boolean') return '`true` or `false`';
    return 'any';
  }
}

function presence(s: JsonSchema, required: boolean): string {
  if (required) return 'required';
  if (s.default === undefined) return 'optional';
  const shown = JSON.stringify(s.default);
  return shown.length <= 24 ? `default ${code(s.default)}` : 'optional';
}

function describe(s: JsonSchema): string {
  const examples = s.examples?.length ? ` E.g. ${s.examples.map(code).join(', ')}.` : '';
  return cell(`${s.description ?? ''}${examples}`.trim());
}

/**
 * The reference as markdown: one table per shape, in reading order, each field with its
 * type, whether it is required (or its default) and its description.
 */
export function fieldReference(root: JsonSchema): string {
  const ref = new Reference(root);
  const out: string[] = [];
  for (const section of ref.sections) {
    out.push(`### ${section.title}`, '');
    const intro = section.title === 'Top level' ? 'The fields of `scenario.yaml` itself.' : section.schema.description;
    if (intro) out.push(section.firstSeen ? `${intro} Used in several places, first at \`${section.firstSeen}\`.` : intro, '');
    out.push('| field | type | | what it is |', '|---|---|---|---|');
    const required = new Set(section.schema.required ?? []);
    for (const [name, field] of Object.entries(section.schema.properties ?? {})) {
      const path = section.title === 'Top level' ? name : `${section.title}.${name}`;
      out.push(`| \`${name}\` | ${ref.type(field, path)} | ${presence(field, required.has(name))} | ${describe(field)} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** The markers around a generated section of a markdown file. */
export function markers(name: string): { begin: string; end: string } {
  return {
    begin: `<!-- BEGIN GENERATED ${name}: do not edit by hand; run \`npm run scenario -- docs\` -->`,
    end: `<!-- END GENERATED ${name} -->`,
  };
}

/** Replaces the text between a named section's markers; undefined if the markers are missing. */
export function replaceGenerated(markdown: string, name: string, content: string): string | undefined {
  const { begin, end } = markers(name);
  const start = markdown.indexOf(begin);
  const stop = markdown.indexOf(end, start + begin.length);
  if (start < 0 || stop < 0) return undefined;
  return `${markdown.slice(0, start + begin.length)}\n\n${content.trim()}\n\n${markdown.slice(stop)}`;
}
