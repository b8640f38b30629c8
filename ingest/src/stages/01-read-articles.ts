/** Stage 1: files, feeds and records to Articles. Never throws: whatever cannot be read becomes a ReadFailure. */
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Article } from '../../../core/src/model.js';
import { decodeText } from '../read/decode.js';
import { detectFormat, SUPPORTED_EXTENSIONS, type ArticleFormat } from '../read/detect-format.js';
import { readFeed } from '../read/feed.js';
import { readHtml } from '../read/html.js';
import { readJson, readJsonLines } from '../read/json-records.js';
import { readMarkdown } from '../read/markdown.js';
import { readPlainText } from '../read/plain-text.js';
import { toArticle } from '../read/to-article.js';
import type { FormatResult, ReadFailure, ReadOptions } from '../read/types.js';

export type { ReadFailure, ReadOptions } from '../read/types.js';
export { SUPPORTED_EXTENSIONS };

/** An article as read, with its place among the records of a file that holds many. */
export interface ReadArticle extends Article {
  /** 1-based position of its record in the file, counting records that failed too. */
  record?: number;
}

export interface ReadOutcome {
  articles: ReadArticle[];
  failures: ReadFailure[];
  /** sha256 of the file's bytes, when a file was read. */
  fingerprint?: string;
  /** The file's bytes are those `alreadyStored` knew: nothing was parsed. */
  unchanged?: boolean;
}

/** What identifies a file's content before it is parsed: the sha256 of its bytes. */
export function fileFingerprint(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Longest article text read: twenty times the longest of the BBC corpus's 2,225 (25,452), about a book's
 * length. Extraction and its links grow faster than the text (a 1.5 MB text gave 1.5 million co-mention
 * links, ten seconds and 700 MB in one worker), so a file's worth of text in one record would stall a run.
 */
export const DEFAULT_MAX_ARTICLE_CHARS = 500_000;

// Formats holding one article per document; the others hold many records.
const SINGLE: Partial<Record<ArticleFormat, (text: string) => FormatResult>> = {
  text: (text) => ({ drafts: [readPlainText(text)], problems: [] }),
  markdown: (text) => ({ drafts: [readMarkdown(text)], problems: [] }),
  html: (text) => ({ drafts: [readHtml(text)], problems: [] }),
};
const MANY: Partial<Record<ArticleFormat, (text: string) => FormatResult>> = {
  json: readJson,
  jsonl: readJsonLines,
  feed: readFeed,
};

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

function tooLarge(path: string, size: number, max: number): ReadOutcome {
  return fail(path, `is ${sizeLabel(size)}, over the ${sizeLabel(max)} limit (maxBytes); split it or raise the limit`);
}

function fail(path: string, message: string, line?: number): ReadOutcome {
  return { articles: [], failures: [{ path, ...(line === undefined ? {} : { line }), message }] };
}

function unsupported(name: string): ReadOutcome {
  return fail(name, `has an unsupported file type "${extname(name)}" (readable: ${SUPPORTED_EXTENSIONS.join(' ')})`);
}

/** "north-korea_talks.txt" → "North korea talks": a last-resort title for a document without one. */
function titleFromName(name: string): string | undefined {
  if (name === '-' || name === '') return undefined;
  const words = basename(name, extname(name)).replace(/[-_]+/gu, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : undefined;
}

/** `path:line: message`, the way compilers print it, for terminals and logs. */
export function formatFailure(failure: ReadFailure): string {
  return `${failure.path}${failure.line === undefined ? '' : `:${failure.line}`}: ${failure.message}`;
}

function readDecoded(name: string, text: string, options: ReadOptions): ReadOutcome {
  if (text.trim() === '') return fail(name, 'is empty');
  const format = detectFormat(name, text);
  if (!format) return unsupported(name);
  const single = SINGLE[format];
  const result = single ? single(text) : MANY[format]!(text);
  const nameTitle = single ? titleFromName(name) : undefined;

  const outcome: ReadOutcome = {
    articles: [],
    failures: result.problems.map((p) => ({ path: name, ...(p.line === undefined ? {} : { line: p.line }), message: p.message })),
  };
  const maxChars = options.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS;
  for (const draft of result.drafts) {
    const which = draft.line !== undefined ? 'record' : draft.record !== undefined ? `record ${draft.record}` : 'document';
    const at = { path: name, ...(draft.line === undefined ? {} : { line: draft.line }) };
    if (draft.text.trim() === '') {
      outcome.failures.push({ ...at, message: `${which} has no article text` });
    } else if (draft.text.length > maxChars) {
      outcome.failures.push({
        ...at,
        message: `${which} has ${draft.text.length.toLocaleString('en')} characters of text, over the ${maxChars.toLocaleString('en')} an article may have (maxArticleChars); split it`,
      });
    } else {
      const article: ReadArticle = toArticle(draft, options, nameTitle);
      if (draft.record !== undefined) article.record = draft.record;
      outcome.articles.push(article);
    }
  }
  if (outcome.articles.length === 0 && outcome.failures.length === 0) return fail(name, 'contains no articles');
  return outcome;
}

/**
 * Reads articles from bytes already in memory; `name` decides the format (use `-` for stdin: the
 * content then decides).
 * @example readArticleBuffer('-', Buffer.from('{"text": "Talks began."}\n')).articles[0].text // 'Talks began.'
 */
export function readArticleBuffer(name: string, bytes: Buffer, options: ReadOptions = {}): ReadOutcome {
  try {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.length > max) return tooLarge(name, bytes.length, max);
    if (bytes.length === 0) return fail(name, 'is empty');
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail(name, decoded.message);
    return readDecoded(name, decoded.text.normalize('NFC'), options);
  } catch (error) {
    // A reader bug must not end a whole ingest run: report it against this input.
    return fail(name, `could not be read: ${(error as Error).message}`);
  }
}

function fileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot be read (${code ?? (error as Error).message})`;
}

/** Reads every article in one file. Never throws; problems come back as failures naming the path. */
export async function readArticleFile(path: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail(path, 'is a folder, not a file');
    if (!info.isFile()) return fail(path, 'is not a regular file');
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    // Checked before reading so a huge file is never loaded into memory.
    if (info.size > max) return tooLarge(path, info.size, max);
    if (extname(path) !== '' && !SUPPORTED_EXTENSIONS.includes(extname(path).toLowerCase())) return unsupported(path);
    const bytes = await readFile(path);
    const fingerprint = fileFingerprint(bytes);
    if (options.alreadyStored?.(fingerprint)) return { articles: [], failures: [], fingerprint, unchanged: true };
    return { ...readArticleBuffer(path, bytes, options), fingerprint };
  } catch (error) {
    return fail(path, fileError(error));
  }
}
