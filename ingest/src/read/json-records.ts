/** JSON and JSONL/NDJSON articles: one record per object, each read on its own so one bad line spoils nothing. */
import { htmlToParagraphs, looksLikeHtml } from './html-to-text.js';
import { joinParagraphs, splitParagraphs } from './paragraphs.js';
import { isLoose, recordFields, TEXT_KEYS } from './record-fields.js';
import type { ArticleDraft, FormatResult } from './types.js';

// Wrappers that APIs and exports put around their article arrays.
const LIST_KEYS = ['articles', 'items', 'records', 'data', 'results', 'entries'];

/** One record to a draft, or the reason it cannot be one. */
function recordToDraft(value: unknown, where: { line?: number; record?: number }): ArticleDraft | string {
  if (!isLoose(value)) return `is not a JSON object (found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`;
  const fields = recordFields(value);
  if (fields.text === undefined || fields.text.trim() === '') {
    return `has no text (expected one of the fields ${TEXT_KEYS.join(', ')})`;
  }
  const paragraphs = looksLikeHtml(fields.text) ? htmlToParagraphs(fields.text) : splitParagraphs(fields.text);
  return {
    title: fields.title,
    text: joinParagraphs(paragraphs),
    url: fields.url,
    published: fields.published,
    source: fields.source,
    topics: fields.topics,
    ...where,
  };
}

function collect(records: Array<{ value: unknown; line?: number; record?: number }>): FormatResult {
  const result: FormatResult = { drafts: [], problems: [] };
  for (const { value, line, record } of records) {
    const draft = recordToDraft(value, { line, record });
    if (typeof draft !== 'string') result.drafts.push(draft);
    // A line number already says where; a position is named only when there is no line.
    else result.problems.push({ line, message: `record ${line === undefined && record !== undefined ? `${record} ` : ''}${draft}` });
  }
  return result;
}

/** One JSON object per line; blank lines are skipped, a malformed line is a problem with its number. */
export function readJsonLines(text: string): FormatResult {
  const records: Array<{ value: unknown; line: number; record: number }> = [];
  const problems: FormatResult['problems'] = [];
  let position = 0;
  text.split(/\r?\n/u).forEach((raw, index) => {
    if (raw.trim() === '') return;
    // Counted over every non-blank line, so fixing one bad line does not renumber the others.
    position += 1;
    try {
      records.push({ value: JSON.parse(raw), line: index + 1, record: position });
    } catch (error) {
      problems.push({ line: index + 1, message: `malformed JSON: ${(error as Error).message}` });
    }
  });
  const result = collect(records);
  result.problems.unshift(...problems);
  result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}

/** A JSON object, an array of objects, or an object wrapping such an array (`{"articles": [...]}`). */
export function readJson(text: string): FormatResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const lines = text.trim().split(/\r?\n/u);
    // Newline-delimited JSON saved as .json is common enough to accept.
    if (lines.length > 1 && lines.every((l) => l.trim() === '' || l.trim().startsWith('{'))) return readJsonLines(text);
    return { drafts: [], problems: [{ message: `malformed JSON: ${(error as Error).message}` }] };
  }
  const wrapper = value;
  if (isLoose(wrapper) && !TEXT_KEYS.some((k) => k in wrapper)) {
    const list = LIST_KEYS.map((k) => wrapper[k]).find(Array.isArray);
    if (list) value = list;
  }
  if (Array.isArray(value)) return collect(value.map((v, i) => ({ value: v, record: i + 1 })));
  return collect([{ value }]);
}
