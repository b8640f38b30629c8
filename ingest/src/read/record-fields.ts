/** Reading article fields from a loose record (JSON object, front matter) under their many common names. */

export type Loose = Record<string, unknown>;

export const TEXT_KEYS = ['text', 'body', 'content', 'article'] as const;
const TITLE_KEYS = ['title', 'headline'];
const URL_KEYS = ['url', 'link', 'canonical', 'canonical_url'];
const DATE_KEYS = ['published', 'date', 'pubDate', 'publishedAt', 'published_at', 'datePublished'];
const SOURCE_KEYS = ['source', 'site', 'publisher', 'site_name'];
const TOPIC_KEYS = ['topics', 'tags', 'keywords', 'categories', 'category'];

export function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first key present (case-insensitive) whose value is a non-empty string or a number. */
function pick(record: Loose, keys: readonly string[]): string | number | undefined {
  const lower = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
  for (const key of keys) {
    const actual = lower.get(key.toLowerCase());
    const value = actual === undefined ? undefined : record[actual];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    // News APIs nest names: {"source": {"id": "bbc", "name": "BBC News"}}
    if (isLoose(value) && typeof value.name === 'string' && value.name.trim() !== '') return value.name;
  }
  return undefined;
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s*[,;]\s*/u).map((t) => t.trim()).filter((t) => t !== '');
  if (Array.isArray(value)) return value.flatMap(asStrings);
  if (isLoose(value) && typeof value.name === 'string') return [value.name.trim()];
  return [];
}

export interface RecordFields {
  text?: string;
  title?: string;
  url?: string;
  published?: string | number;
  source?: string;
  topics: string[];
}

/** The article fields of a record; values are raw (not yet normalised). */
export function recordFields(record: Loose): RecordFields {
  const text = pick(record, TEXT_KEYS);
  const title = pick(record, TITLE_KEYS);
  const url = pick(record, URL_KEYS);
  const source = pick(record, SOURCE_KEYS);
  const lower = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
  const topics = TOPIC_KEYS.flatMap((k) => (lower.has(k) ? asStrings(record[lower.get(k)!]) : []));
  return {
    text: typeof text === 'string' ? text : undefined,
    title: title === undefined ? undefined : String(title),
    url: typeof url === 'string' ? url.trim() : undefined,
    published: pick(record, DATE_KEYS),
    source: source === undefined ? undefined : String(source),
    topics,
  };
}
