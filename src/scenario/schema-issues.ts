/**
 * Zod issues → diagnostics in plain words. Zod says "Invalid input: expected number,
 * received string"; a trainer needs "`cost` must be a duration such as "90s" or "5m",
 * got true", at the right line, with the field's description as the hint.
 */
import type { z } from 'zod';
import type { DiagnosticCode } from './diagnostics.ts';
import type { PathSegment } from './positions.ts';
import type { Reporter } from './report.ts';
import {
  allowedKeys,
  allowedValues,
  expectedPhrase,
  expectsDuration,
  expectsId,
  expectsText,
  expectsUnitDuration,
  fieldHelp,
  numberBounds,
  schemaAt,
} from './schema-info.ts';
import { didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Singular nouns for the collections whose items carry an id, for "action `x`: …" prefixes. */
const ITEM_NOUNS: Record<string, string> = {
  phases: 'phase',
  endings: 'ending',
  actions: 'action',
  prompts: 'prompt',
  options: 'option',
  alerts: 'alert',
  runbooks: 'runbook',
  facts: 'fact',
  stakeholders: 'stakeholder',
  messages: 'message',
  slos: 'SLO',
  cohorts: 'cohort',
  signals: 'signal',
  rules: 'scoring rule',
  references: 'reference playthrough',
};

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** A value as it reads in a message: `"5 minutes"`, `true`, `a list`. */
export function renderValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    const short = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return JSON.stringify(short);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** "action `rollback`: " for problems inside an item with an id; "" at the top level. */
function contextPrefix(path: readonly PathSegment[], data: unknown): string {
  // The innermost item that holds the subject (not the subject itself).
  for (let i = path.length - 2; i >= 1; i--) {
    const collection = path[i - 1];
    const index = path[i];
    if (typeof collection !== 'string' || typeof index !== 'number') continue;
    const noun = ITEM_NOUNS[collection];
    if (!noun) continue;
    const id = (valueAt(data, path.slice(0, i + 1)) as { id?: unknown } | undefined)?.id;
    // An item whose own id is the problem is named by position instead.
    const usable = typeof id === 'string' && id !== '' && !(i === path.length - 2 && path[i + 1] === 'id');
    return usable ? `${noun} \`${id}\`: ` : `${noun} ${index + 1}: `;
  }
  return '';
}

/** "`cost`", or "item 2 of `reveal`" for list entries. */
function subjectOf(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return typeof parent === 'string' ? `item ${last + 1} of \`${parent}\`` : `item ${last + 1}`;
  }
  return last === undefined ? 'the scenario' : `\`${String(last)}\``;
}

/** "`service` is missing `name`", or "`title` is missing" when the parent is a list item or the top level. */
function missingPhrase(path: readonly PathSegment[], subject: string): string {
  const parent = path[path.length - 2];
  return typeof parent === 'string' ? `\`${parent}\` is missing ${subject}` : `${subject} is missing`;
}

function describeHint(schema: AnySchema | undefined, field: string | undefined): string | undefined {
  const { description } = fieldHelp(schema);
  if (!description) return undefined;
  return field ? `${field}: ${description}` : description;
}

function join(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join('; ') : undefined;
}

function boundPhrase(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      if (small && limit === 1) return 'must not be empty';
      return small ? `must be at least ${limit} characters long` : `must be at most ${limit} characters long`;
    case 'array':
      return small ? `needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}` : `may have at most ${limit} entries`;
    default:
      if (issue.inclusive === false) return small ? `must be greater than ${limit}` : `must be less than ${limit}`;
      return small ? `must be at least ${limit}` : `must be at most ${limit}`;
  }
}

/** A bound's limit as a number, for comparing two bounds of the same value. */
const limitOf = (issue: Extract<Issue, { code: 'too_small' | 'too_big' }>) => Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);

/**
 * One diagnostic per fault in a value: of several bounds a value breaks on the same side
 * (a whole number's own limit and the field's), only the tightest; and a rule written for
 * the field (a refinement) rather than the format check that also fails.
 */
function oneIssuePerFault(issues: readonly Issue[]): Issue[] {
  const keyOf = (issue: Issue) => JSON.stringify(issue.path.filter((p) => typeof p !== 'symbol'));
  const tightest = new Map<string, Issue>();
  const ruled = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'custom') ruled.add(keyOf(issue));
    if (issue.code !== 'too_small' && issue.code !== 'too_big') continue;
    const key = `${keyOf(issue)} ${issue.code}`;
    const kept = tightest.get(key) as typeof issue | undefined;
    const tighter = !kept || (issue.code === 'too_big' ? limitOf(issue) < limitOf(kept) : limitOf(issue) > limitOf(kept));
    if (tighter) tightest.set(key, issue);
  }
  return issues.filter((issue) => {
    if (issue.code === 'too_small' || issue.code === 'too_big') return tightest.get(`${keyOf(issue)} ${issue.code}`) === issue;
    if (issue.code === 'invalid_format') return !ruled.has(keyOf(issue));
    return true;
  });
}

/** `L2` for a level written `2`, `SEV1` for `1`: a bare number whose prefixed form is allowed. */
function prefixed(value: unknown, names: readonly string[]): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const bare = String(value).trim();
  if (!/^\d+$/.test(bare)) return undefined;
  return names.find((n) => n.replace(/^[A-Za-z]+/, '') === bare && n !== bare);
}

/** "waf off" → "waf-off": the id an author most likely meant, if it differs and is valid. */
function idLike(value: string): string | undefined {
  const slug = value.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z][a-z0-9_-]*$/.test(slug) && slug !== value ? slug : undefined;
}

/**
 * Reports every issue of a failed parse, located in the document. Never throws: an
 * issue it cannot describe still gets a located diagnostic with Zod's own words.
 */
export function reportSchemaIssues(issues: readonly Issue[], root: AnySchema, data: unknown, report: Reporter): void {
  for (const issue of oneIssuePerFault(issues)) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const schema = schemaAt(root, path, data);
    const value = valueAt(data, path);
    const subject = subjectOf(path);
    const field = typeof path[path.length - 1] === 'string' ? subject : undefined;
    const emit = (code: DiagnosticCode, message: string, hint?: string, at: readonly PathSegment[] = path, key = false) =>
      report.atPath(code, at, contextPrefix(at, data) + message, { hint, key });

    switch (issue.code) {
      case 'invalid_type': {
        const expected = expectedPhrase(schema) ?? issue.expected;
        if (value === undefined) {
          const { description } = fieldHelp(schema);
          const add = `add \`${String(path[path.length - 1])}\` (${expected})`;
          emit('BR011', missingPhrase(path, subject), description ? `${add}: ${description}` : add);
        } else if (typeof value === 'number' && (value === Infinity || value === -Infinity)) {
          // YAML reads a number beyond what a double holds (1e400) as infinity.
          const { minimum, maximum } = numberBounds(schema);
          const limit = value > 0 ? (maximum === undefined ? undefined : `at most ${maximum}`) : minimum === undefined ? undefined : `at least ${minimum}`;
          emit(
            'BR015',
            `${subject} is too large a ${value > 0 ? '' : 'negative '}number${limit ? `: it must be ${limit}` : ''}`,
            describeHint(schema, field),
          );
        } else if (typeof value === 'number' && expectsUnitDuration(schema)) {
          emit(
            'BR016',
            `${subject} needs a unit: ${value} alone would be ${value} seconds`,
            `write "${value}m" for ${value} minutes, "${value}s" for seconds or "${value}h" for hours`,
          );
        } else if (typeof value === 'string' && issue.expected === 'number' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
          emit('BR013', `${subject} must be a number, got the text ${renderValue(value)}`, `remove the quotes: \`${String(path[path.length - 1])}: ${value.trim()}\``);
        } else {
          // Quoting helps text fields (titles, versions), never ids: those cannot start with a digit.
          const quote = expectsText(schema) && !expectsId(schema) && (typeof value === 'number' || typeof value === 'boolean');
          emit(
            'BR013',
            `${subject} must be ${expected}, got ${renderValue(value)}`,
            join(quote ? `put it in quotes: "${String(value)}"` : undefined, describeHint(schema, field)),
          );
        }
        break;
      }
      case 'invalid_union': {
        if (issue.discriminator) {
          const options = (issue as { options?: unknown[] }).options ?? [];
          const names = options.map(String);
          if (value === undefined) {
            emit('BR011', missingPhrase(path, subject), `\`${String(path[path.length - 1])}\` is one of ${names.join(', ')}`);
          } else {
            const close = typeof value === 'string' ? didYouMean(value, names) : undefined;
            emit(
              'BR014',
              `${subject} must be one of ${names.join(', ')}, got ${renderValue(value)}`,
              close ? `did you mean \`${close}\`?` : `${subject} decides which other fields are allowed here`,
            );
          }
        } else {
          // When one branch accepted the shape (a list, say) and failed only inside it,
          // its inner issues say more than "must be an id or a list of ids".
          const inner = issue.errors.find((branch) => branch.length > 0 && branch.every((e) => e.path.length > 0));
          if (inner) {
            reportSchemaIssues(inner.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as Issue), root, data, report);
            break;
          }
          const expected = expectedPhrase(schema) ?? 'something else';
          emit('BR013', `${subject} must be ${expected}, got ${renderValue(value)}`, describeHint(schema, field));
        }
        break;
      }
      case 'invalid_value': {
        if (value === undefined) {
          const expected = expectedPhrase(schema) ?? issue.values.map((v) => JSON.stringify(v)).join(' or ');
          emit('BR011', missingPhrase(path, subject), `add \`${String(path[path.length - 1])}\` (${expected})`);
          break;
        }
        const values = allowedValues(schema) ?? issue.values;
        const names = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
        const close = typeof value === 'string' ? didYouMean(value, names) ?? prefixed(value, names) : prefixed(value, names);
        const expected = names.length === 1 ? names[0] : `one of ${names.join(', ')}`;
        emit(
          'BR014',
          `${subject} must be ${expected}, got ${renderValue(value)}`,
          close ? `did you mean \`${close}\`?` : describeHint(schema, field),
        );
        break;
      }
      case 'too_small':
      case 'too_big': {
        if (issue.code === 'too_big' && typeof value === 'number' && typeof path.at(-1) === 'string' && String(path.at(-1)).startsWith('budgetSpent') && value <= 100) {
          const fraction = Math.round(value) / 100;
          emit(
            'BR015',
            `${subject} is a fraction of the error budget (1 = all of it), so ${value} would mean ${value} times the budget and never be reached`,
            `if you meant ${value}%, write \`${String(path.at(-1))}: ${fraction}\``,
          );
          break;
        }
        const got = typeof value === 'number' ? `, got ${value}` : Array.isArray(value) ? `, got ${value.length}` : '';
        emit('BR015', `${subject} ${boundPhrase(issue)}${got}`, describeHint(schema, field));
        break;
      }
      case 'invalid_format': {
        if (expectsDuration(schema)) {
          emit(
            'BR016',
            `${subject} must be a duration such as "90s" or "5m", got ${renderValue(value)}`,
            'write a number and a unit: ms, s, m (or min), h or d, e.g. "45s", "1.5h" or "30d"',
          );
        } else if (expectsId(schema) || issue.message.startsWith('an id starts with')) {
          const slug = typeof value === 'string' ? idLike(value) : undefined;
          emit(
            'BR016',
            `${subject} must be an id such as "rollback-canary", got ${renderValue(value)}`,
            slug ? `ids have no spaces or punctuation: did you mean \`${slug}\`?` : issue.message,
          );
        } else {
          emit('BR016', `${subject} is not in the right format, got ${renderValue(value)}`, join(issue.message, describeHint(schema, field)));
        }
        break;
      }
      case 'unrecognized_keys': {
        const allowed = allowedKeys(schema, value);
        for (const key of issue.keys) {
          // A pasted blob can have thousands of unknown keys; past the cap only counting matters.
          if (report.full) {
            report.atOffset('BR012', 0, 0, `unknown key \`${key}\``);
            continue;
          }
          const close = didYouMean(key, allowed);
          const hint = close
            ? `did you mean \`${close}\`?`
            : allowed.length
              ? `the keys allowed here are ${allowed.map((k) => `\`${k}\``).join(', ')}`
              : undefined;
          emit('BR012', `unknown key \`${key}\``, hint, [...path, key], true);
        }
        break;
      }
      default:
        emit('BR017', `${subject}: ${issue.message}`, describeHint(schema, field));
    }
  }
}
