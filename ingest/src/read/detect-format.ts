/** Which reader a document needs: decided by its file name, or by its content when the name says nothing. */
import { extname } from 'node:path';
import { looksLikeFeed } from './feed.js';

export type ArticleFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'feed';

const BY_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

/** File extensions the reader understands, for walking folders. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(BY_EXTENSION));

/** Guesses the format of unnamed input (stdin, a file without extension). */
export function sniffFormat(text: string): ArticleFormat {
  const head = text.trimStart().slice(0, 1024);
  if (looksLikeFeed(text)) return 'feed';
  if (/^(?:<!doctype html|<html\b|<head\b|<body\b|<article\b)/iu.test(head)) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const lines = text.trim().split(/\r?\n/u).filter((l) => l.trim() !== '');
    return lines.length > 1 && lines.every((l) => l.trimStart().startsWith('{') && l.trimEnd().endsWith('}')) ? 'jsonl' : 'json';
  }
  if (/^---\r?\n/u.test(head) || /^#{1,6}\s/u.test(head)) return 'markdown';
  return 'text';
}

/**
 * The format for a document named `name` holding `text`; undefined for an extension we do not read
 * (a .pdf or .docx must be reported, not read as garbage text).
 * @example detectFormat('news/a.md', '# Hi') // 'markdown'
 */
export function detectFormat(name: string, text: string): ArticleFormat | undefined {
  const extension = extname(name).toLowerCase();
  if (extension === '' || name === '-') return sniffFormat(text);
  return BY_EXTENSION[extension];
}
