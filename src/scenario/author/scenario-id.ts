/**
 * The rule for a new scenario's id. The id is also its folder name and appears in
 * URLs and saved runs, so it is stricter than the schema's general id rule: lowercase
 * only, so two scenarios cannot differ by case on a case-insensitive disk.
 */

const SCENARIO_ID = /^[a-z][a-z0-9-]*$/;
const MAX_LENGTH = 64;

/** Why `id` cannot name a new scenario, in plain words; undefined if it can. */
export function scenarioIdProblem(id: string): string | undefined {
  const example = 'for example `checkout-latency` or `db-pool-2024`';
  if (id.trim() === '') return `give the new scenario an id, ${example}`;
  if (id.length > MAX_LENGTH) return `the id \`${id}\` is ${id.length} characters long; keep it to ${MAX_LENGTH} or fewer`;
  if (SCENARIO_ID.test(id)) {
    if (id.endsWith('-') || id.includes('--')) return `the id \`${id}\` has a stray dash; use single dashes between words, ${example}`;
    return undefined;
  }
  const suggestion = suggestId(id);
  const tail = suggestion ? `; did you mean \`${suggestion}\`?` : `, ${example}`;
  if (/^[^a-zA-Z]/.test(id)) return `the id \`${id}\` must start with a letter, ${example}`;
  if (/[A-Z]/.test(id)) return `the id \`${id}\` has capital letters; use lowercase letters, digits and dashes${tail}`;
  return `the id \`${id}\` may hold only lowercase letters, digits and dashes${tail}`;
}

/** The nearest valid id to what was typed ("Checkout Latency!" → "checkout-latency"), if any. */
export function suggestId(text: string): string | undefined {
  const id = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  return id.length > 0 ? id : undefined;
}

/** "checkout-latency" → "Checkout latency": a first title for a scenario from its id. */
export function titleFromId(id: string): string {
  const words = id.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
