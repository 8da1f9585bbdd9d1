/**
 * Reading the Zod schema back for error messages: what a field expects in plain
 * words, its description (the same text editors show on hover), and which keys a
 * mapping allows (for "did you mean"). Zod issues carry none of this.
 */
import { z } from 'zod';
import { DURATION_RE } from './schema/primitives.ts';

type AnySchema = z.core.$ZodType;
// Zod's def objects are a tagged union we only read; a loose view keeps this file short.
type Def = {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  getter?: () => AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[];
  format?: string;
};

function def(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch']);

function meta(schema: AnySchema): { description?: string; examples?: unknown[] } | undefined {
  return z.globalRegistry.get(schema) as { description?: string; examples?: unknown[] } | undefined;
}

/** A Duration: a pipe from `number | string` through a transform (the only such pipe in the schema). */
function isDuration(schema: AnySchema): boolean {
  const d = def(schema);
  if (d.type !== 'pipe' || !d.in) return false;
  const options = def(d.in).options;
  return !!options && options.length === 2 && options.map((o) => def(o).type).sort().join() === 'number,string';
}

const ID_SOURCE = '^[A-Za-z][A-Za-z0-9_-]*$';

function isIdString(schema: AnySchema): boolean {
  const d = def(schema);
  return d.type === 'string' && !!d.checks?.some((c) => c._zod.def.pattern?.source === ID_SOURCE);
}

/** Peels optional/default/… wrappers (not pipes), collecting the outermost description and examples. */
export function unwrap(schema: AnySchema): { schema: AnySchema; description?: string; examples?: unknown[] } {
  let current = schema;
  let description: string | undefined;
  let examples: unknown[] | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const m = meta(current);
    description ??= m?.description;
    examples ??= m?.examples;
    const d = def(current);
    if (WRAPPERS.has(d.type) && d.innerType) current = d.innerType;
    else if (d.type === 'lazy' && d.getter) current = d.getter();
    else break;
  }
  const result: { schema: AnySchema; description?: string; examples?: unknown[] } = { schema: current };
  if (description !== undefined) result.description = description;
  if (examples !== undefined) result.examples = examples;
  return result;
}

/** The structural schema inside a pipe (its input side), for walking into fields and items. */
function structural(schema: AnySchema): AnySchema {
  let current = unwrap(schema).schema;
  for (let guard = 0; guard < 20 && def(current).type === 'pipe' && def(current).in; guard++) {
    current = unwrap(def(current).in as AnySchema).schema;
  }
  return current;
}

/** For a union, the option that fits the data (by discriminator, or by being a list or a mapping). */
function pickOption(schema: AnySchema, data: unknown, segment?: string | number): AnySchema | undefined {
  const d = def(schema);
  const options = d.options ?? [];
  if (d.discriminator && data && typeof data === 'object') {
    const tag = (data as Record<string, unknown>)[d.discriminator];
    const match = options.find((o) => {
      const field = def(structural(o)).shape?.[d.discriminator as string];
      return field ? (def(unwrap(field).schema).values ?? []).includes(tag) : false;
    });
    return match;
  }
  const wanted = typeof segment === 'number' ? 'array' : typeof segment === 'string' ? 'object' : Array.isArray(data) ? 'array' : 'object';
  return options.find((o) => def(structural(o)).type === wanted);
}

/** The schema of the value at `path` (wrappers included), or undefined if the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[], data: unknown): AnySchema | undefined {
  let schema: AnySchema | undefined = root;
  let value = data;
  for (const segment of path) {
    if (!schema) return undefined;
    let s = structural(schema);
    if (def(s).type === 'union') {
      const picked = pickOption(s, value, typeof segment === 'symbol' ? undefined : segment);
      if (!picked) return undefined;
      s = structural(picked);
    }
    const d = def(s);
    if (d.type === 'object' && typeof segment === 'string') schema = d.shape?.[segment];
    else if (d.type === 'array' && typeof segment === 'number') schema = d.element;
    else return undefined;
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  return schema;
}

/** The keys a mapping at this schema allows (for a discriminated union, those of the matching kind). */
export function allowedKeys(schema: AnySchema | undefined, data: unknown): string[] {
  if (!schema) return [];
  let s = structural(schema);
  if (def(s).type === 'union') {
    const picked = pickOption(s, data);
    if (!picked) return [];
    s = structural(picked);
  }
  return Object.keys(def(s).shape ?? {});
}

/** Description and examples of a field, from the schema's `.meta()`. */
export function fieldHelp(schema: AnySchema | undefined): { description?: string; examples?: unknown[] } {
  if (!schema) return {};
  const { description, examples } = unwrap(schema);
  const help: { description?: string; examples?: unknown[] } = {};
  if (description !== undefined) help.description = description;
  if (examples !== undefined) help.examples = examples;
  return help;
}

/** Allowed values of an enum or literal field, if it is one. */
export function allowedValues(schema: AnySchema | undefined): unknown[] | undefined {
  if (!schema) return undefined;
  const d = def(structural(schema));
  if (d.type === 'enum') return Object.values(d.entries ?? {});
  if (d.type === 'literal') return d.values;
  return undefined;
}

/** What a schema accepts, in words: "a duration such as "90s" or "5m"", "one of a, b", "a list". */
export function expectedPhrase(schema: AnySchema | undefined): string | undefined {
  if (!schema) return undefined;
  const s = unwrap(schema).schema;
  if (isDuration(s)) return 'a duration such as "90s" or "5m"';
  const d = def(s);
  switch (d.type) {
    case 'pipe':
      return d.in ? expectedPhrase(d.in) : undefined;
    case 'string':
      return isIdString(s) ? 'an id such as "rollback-canary"' : 'text';
    case 'number':
      return d.checks?.some((c) => c._zod.def.format === 'safeint') ? 'a whole number' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'literal':
      return (d.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'enum':
      return `one of ${Object.values(d.entries ?? {}).join(', ')}`;
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of `key: value` fields';
    case 'union': {
      if (d.discriminator) return `a mapping with \`${d.discriminator}\``;
      const options = d.options ?? [];
      const [first, second] = options;
      // A single id or a list of ids: the Condition fields' shorthand.
      if (options.length === 2 && first && second && isIdString(unwrap(first).schema) && def(unwrap(second).schema).type === 'array') {
        return 'an id or a list of ids';
      }
      const phrases = [...new Set(options.map((o) => expectedPhrase(o)).filter((p): p is string => !!p))];
      return phrases.join(' or ') || undefined;
    }
    default:
      return undefined;
  }
}

/** True if the schema at this spot is text (used to suggest quoting a number or boolean). */
export function expectsText(schema: AnySchema | undefined): boolean {
  return !!schema && def(structural(schema)).type === 'string';
}

/** True if the schema at this spot is a Duration. */
export function expectsDuration(schema: AnySchema | undefined): boolean {
  return !!schema && isDuration(unwrap(schema).schema);
}

/** True if the schema at this spot is a duration that must carry its unit (a string-only duration). */
export function expectsUnitDuration(schema: AnySchema | undefined): boolean {
  if (!schema) return false;
  const d = def(unwrap(schema).schema);
  if (d.type !== 'pipe' || !d.in) return false;
  const input = def(d.in);
  return input.type === 'string' && !!input.checks?.some((c) => c._zod.def.pattern?.source === DURATION_RE.source);
}

/** True if the schema at this spot is an id. */
export function expectsId(schema: AnySchema | undefined): boolean {
  return !!schema && isIdString(structural(schema));
}

/** The bounds of a number field, if it is one with bounds (a whole number's own safe-integer limits aside). */
export function numberBounds(schema: AnySchema | undefined): { minimum?: number; maximum?: number } {
  if (!schema) return {};
  const s = structural(schema) as unknown as { minValue?: number | null; maxValue?: number | null };
  if (def(s as unknown as AnySchema).type !== 'number') return {};
  const bounds: { minimum?: number; maximum?: number } = {};
  if (typeof s.minValue === 'number' && Number.isFinite(s.minValue) && s.minValue > Number.MIN_SAFE_INTEGER) bounds.minimum = s.minValue;
  if (typeof s.maxValue === 'number' && Number.isFinite(s.maxValue) && s.maxValue < Number.MAX_SAFE_INTEGER) bounds.maximum = s.maxValue;
  return bounds;
}
