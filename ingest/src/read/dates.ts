/** Recognising publication dates in the many ways articles write them, and normalising them to ISO 8601. */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
// "July 28, 2025" / "Jul. 28 2025" / "July 28th, 2025"
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
// "28 July 2025" / "28th Jul, 2025"
const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, 'iu');
// "2025-07-28", "2025/07/28", "2025.07.28"
const YEAR_MONTH_DAY = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/u;
// The ISO time that may follow an ISO date: "T10:00:00.000+02:00", " 10:00Z"
const ISO_TIME = /^[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?/iu;
// A clock time after a written date: "10:00", "at 3:15 pm", "10:00:00 GMT"
const CLOCK_TIME = /^,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2})?/iu;

export interface LeadingDate {
  /** `YYYY-MM-DD` */
  date: string;
  /** The text after the date (a glued source name, a time, the rest of a sentence). */
  rest: string;
}

function isoDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

/**
 * A calendar date at the very start of `text`, and what follows it.
 * @example findLeadingDate('July 28, 2025Clash Report') // { date: '2025-07-28', rest: 'Clash Report' }
 */
export function findLeadingDate(text: string): LeadingDate | undefined {
  const s = text.trimStart();
  let m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const date = isoDay(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
    return date ? { date, rest: s.slice(m[0].length) } : undefined;
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const date = isoDay(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
    return date ? { date, rest: s.slice(m[0].length) } : undefined;
  }
  m = YEAR_MONTH_DAY.exec(s);
  if (m) {
    const date = isoDay(Number(m[1]), Number(m[3]), Number(m[4]));
    return date ? { date, rest: s.slice(m[0].length) } : undefined;
  }
  return undefined;
}

function fromEpoch(value: number): string | undefined {
  // Seconds and milliseconds both occur in JSON feeds; 1e11 s is the year 5138.
  const ms = Math.abs(value) < 1e11 ? value * 1000 : value;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * ISO `YYYY-MM-DD`, or a full ISO date-time when the value carries a time;
 * undefined when the value is not a recognisable date.
 * @example normaliseDate('28 July 2025') // '2025-07-28'
 * @example normaliseDate('Mon, 28 Jul 2025 10:00:00 GMT') // '2025-07-28T10:00:00.000Z'
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? fromEpoch(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^\d{9,13}$/u.test(s)) return fromEpoch(Number(s));
  const found = findLeadingDate(s);
  if (!found) return undefined;
  const rest = found.rest.trim();
  if (rest === '') return found.date;
  const iso = ISO_TIME.exec(found.rest);
  if (iso && YEAR_MONTH_DAY.test(s)) {
    const [, hh, mm, ss = '00', zone] = iso;
    if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return found.date;
    const local = `${found.date}T${hh}:${mm}:${ss}`;
    // With a zone the instant is known, so say it in UTC; without one, keep the wall-clock time as written.
    if (!zone) return local;
    const d = new Date(`${local}${zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/u, '$1:$2')}`);
    return Number.isNaN(d.getTime()) ? found.date : d.toISOString();
  }
  if (CLOCK_TIME.test(rest)) {
    const d = new Date(s.replace(/\bat\b/iu, ''));
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  // A trailing word we do not understand ("(updated)") does not make the date wrong.
  return found.date;
}
