/**
 * Times as postmortems write them: a clock time (`13:42`, `13:42:10`, `13:42 UTC`,
 * `1:42 PM`), a date and time (`2025-03-11 13:42`, `2025-03-11T13:42:10Z`, `Mar 11 13:42`),
 * or an offset from the start (`T+5m`, `+00:05`, `T-2m`), optionally after "at" or
 * "around". Pure: no clock is read; dates become day numbers only to order the entries.
 */

/** A time found at the start of a piece of text. */
export interface TimeMatch {
  /** Seconds: since midnight of day 0 (absolute) or since the start (relative). */
  seconds: number;
  /** Days since 1970-01-01 when a date was written. */
  day?: number;
  /** True for offsets such as `T+5m`: they count from the first event. */
  relative: boolean;
  /** The time as written, without its date (e.g. "13:42 UTC", "T+5m"). */
  clock: string;
  /** Characters consumed, including "at" and a separator after the time. */
  length: number;
  /** Set when the text looks like a time but is not one ("25:10"). */
  invalid?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const ZONE = '(?:\\s*(?:UTC|GMT|Z|[A-Z]{2,4}T|[+-]\\d{2}:?\\d{2})\\b)?';
const LEAD = '^(?:(?:at|around|about|approx\\.?|approximately|by|~)\\s+)?[[(]?';
const LEAD_CASELESS = '^(?:(?:[aA]t|[aA]round|[aA]bout|[aA]pprox\\.?|[aA]pproximately|[bB]y|~)\\s+)?[[(]?';
/** After a time: a closing bracket and a separator before the description. */
const TAIL = '[\\])]?(?:\\s*[—–:|,-]+\\s*|\\s+|(?=[.;!?]|$))';

// Zones are matched case-sensitively ("UTC", "PST"), so that "13:42 Alert fires" is not read as a zone.
const ISO = new RegExp(`${LEAD_CASELESS}(\\d{4})-(\\d{2})-(\\d{2})(?:[ Tt]|,\\s*)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?([Zz]|[+-]\\d{2}:?\\d{2})?(\\s*(?:UTC|GMT|[A-Z]{2,4}T)\\b)?${TAIL}`);
const NAMED_DATE = new RegExp(`${LEAD}(?:(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH}))(?:,?\\s+(\\d{4}))?,?\\s+(?:at\\s+)?(?=\\d)`, 'i');
const CLOCK = new RegExp(`^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([aApP])\\.?[mM]\\.?(?![a-zA-Z]))?(${ZONE})${TAIL}`);
const HOUR_ONLY = new RegExp(`^(\\d{1,2})\\s*([aApP])\\.?[mM]\\.?(?![a-zA-Z])(${ZONE})${TAIL}`);
const OFFSET = /^T?\s*([+-])\s*(?:(\d{1,3}):(\d{2})(?::(\d{2}))?|(?:(\d{1,3})\s*d)?\s*(?:(\d{1,4})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,5})\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d{1,6})\s*s(?:ec(?:onds?|s)?)?)?)(?![\w:])/i;
const TAIL_ONLY = new RegExp(`^${TAIL}`);

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian). */
function dayNumber(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / 86_400_000);
}

/** A zone offset such as "+02:00" in seconds east of UTC. */
function zoneSeconds(zone: string | undefined): number {
  const m = /([+-])(\d{2}):?(\d{2})/.exec(zone ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
}

function clockTime(text: string, offset: number, day: number | undefined): TimeMatch | undefined {
  const m = CLOCK.exec(text.slice(offset)) ?? undefined;
  const h = m ? undefined : HOUR_ONLY.exec(text.slice(offset));
  if (!m && !h) return undefined;
  let hours = Number(m ? m[1] : h![1]);
  const minutes = m ? Number(m[2]) : 0;
  const seconds = m ? Number(m[3] ?? 0) : 0;
  const meridiem = (m ? m[4] : h![2])?.toLowerCase();
  const zone = m ? m[5] : h![3];
  const whole = (m ?? h)![0];
  const clock = whole.replace(/^[[(]/, '').replace(/[\])]?[\s—–:|,-]*$/, '');
  const length = offset + whole.length;
  if (meridiem) {
    if (hours < 1 || hours > 12 || minutes > 59 || seconds > 59) return { seconds: 0, relative: false, clock, length, invalid: `\`${clock}\` is not a time of day` };
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hours > 23 || minutes > 59 || seconds > 59) {
    return { seconds: 0, relative: false, clock, length, invalid: `\`${clock}\` is not a time of day` };
  }
  return { seconds: hours * 3600 + minutes * 60 + seconds - zoneSeconds(zone), ...(day === undefined ? {} : { day }), relative: false, clock, length };
}

/** The time at the very start of `text`, if there is one. */
export function leadingTime(whole: string): TimeMatch | undefined {
  // A time is short: looking at the first characters keeps every pattern below cheap on huge lines.
  const text = whole.slice(0, 120);
  const iso = ISO.exec(text);
  if (iso) {
    const [whole, y, mo, d, hh, mm, ss, zone, word] = iso;
    const hours = Number(hh);
    const minutes = Number(mm);
    const secs = Number(ss ?? 0);
    const clock = `${hh}:${mm}${ss ? `:${ss}` : ''}${word ?? (zone === 'Z' || zone === 'z' ? ' UTC' : zone ? ` ${zone}` : '')}`.trim();
    if (hours > 23 || minutes > 59 || secs > 59 || Number(mo) > 12 || Number(d) > 31) return { seconds: 0, relative: false, clock, length: whole.length, invalid: `\`${whole.trim()}\` is not a date and time` };
    return { seconds: hours * 3600 + minutes * 60 + secs - zoneSeconds(zone), day: dayNumber(Number(y), Number(mo), Number(d)), relative: false, clock, length: whole.length };
  }
  const named = NAMED_DATE.exec(text);
  if (named) {
    const monthWord = (named[1] ?? named[4] ?? '').toLowerCase().slice(0, 3);
    const date = Number(named[2] ?? named[3]);
    const year = Number(named[5] ?? 2001);
    const found = clockTime(text, named[0].length, dayNumber(year, MONTHS.indexOf(monthWord) + 1, date));
    if (found) return found;
  }
  const lead = new RegExp(LEAD, 'i').exec(text);
  const start = lead ? lead[0].length : 0;
  // "T+0", "T+15": a bare number after T counts minutes.
  const bare = /^T\s*([+-])\s*(\d{1,4})(?![\w:.])/i.exec(text.slice(start));
  if (bare) {
    const tail = TAIL_ONLY.exec(text.slice(start + bare[0].length))?.[0] ?? '';
    return { seconds: (bare[1] === '-' ? -60 : 60) * Number(bare[2]), relative: true, clock: bare[0], length: start + bare[0].length + tail.length };
  }
  const offset = OFFSET.exec(text.slice(start));
  // A bare "+5" or "-" is not an offset: it needs a unit or a colon.
  if (offset && /\d/.test(offset[0]) && (offset[2] !== undefined || /[dhms]/i.test(offset[0].replace(/^T/i, '')))) {
    const sign = offset[1] === '-' ? -1 : 1;
    const seconds =
      offset[2] !== undefined
        ? Number(offset[2]) * 3600 + Number(offset[3]) * 60 + Number(offset[4] ?? 0)
        : Number(offset[5] ?? 0) * 86400 + Number(offset[6] ?? 0) * 3600 + Number(offset[7] ?? 0) * 60 + Number(offset[8] ?? 0);
    const rest = text.slice(start + offset[0].length);
    const tail = TAIL_ONLY.exec(rest)?.[0] ?? '';
    return { seconds: sign * seconds, relative: true, clock: offset[0].trim(), length: start + offset[0].length + tail.length };
  }
  return clockTime(text, start, undefined);
}

/** Where a time could start inside prose: after a word boundary, never inside a number. */
const CANDIDATE = /(?<![\w.:])(?:\d{4}-\d{2}-\d{2}[ T]\d|\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\b|T[+-]\s*\d)/gi;
const INTRO = /(?:\b(?:at|around|about|approximately|by|until|from)\s+|~)$/i;

/** A time somewhere in a sentence: where it starts (with an "at" before it) and what it is. */
export function timeInProse(whole: string): { index: number; time: TimeMatch } | undefined {
  // The time that dates a sentence comes early in it; a runaway "sentence" is not read to its end.
  const sentence = whole.slice(0, 400);
  for (const m of sentence.matchAll(CANDIDATE)) {
    const before = INTRO.exec(sentence.slice(0, m.index));
    const index = before ? m.index - before[0].length : m.index;
    const time = leadingTime(sentence.slice(m.index));
    if (time && !time.invalid) return { index, time: { ...time, length: time.length + (m.index - index) } };
  }
  return undefined;
}

/** "Four minutes later" and "10 minutes later": seconds after the entry before. */
export function laterBy(sentence: string): number | undefined {
  const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20, thirty: 30, few: 3 };
  const m = /^(?:about |around |some |a )?(\d+|[a-z]+) (second|minute|hour)s? later\b/i.exec(sentence.trim());
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : words[(m[1] as string).toLowerCase()];
  if (n === undefined) return undefined;
  return n * (m[2]!.toLowerCase() === 'second' ? 1 : m[2]!.toLowerCase() === 'minute' ? 60 : 3600);
}

/** A line that only names a date, such as "2015-10-21 (all times UTC)" or "March 11, 2025": the day for the times under it. */
export function dateLine(text: string): number | undefined {
  const iso = /^\W*(\d{4})-(\d{2})-(\d{2})\b(?![ T]\d{1,2}:)/.exec(text);
  if (iso) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = new RegExp(`^\\W*(?:[a-z]+day,?\\s+)?(?:(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})),?\\s+(\\d{4})\\W*(?:\\(.*\\))?\\W*$`, 'i').exec(text);
  if (!named) return undefined;
  const month = MONTHS.indexOf((named[1] ?? named[4] ?? '').toLowerCase().slice(0, 3)) + 1;
  return dayNumber(Number(named[5]), month, Number(named[2] ?? named[3]));
}
