/** Markdown articles: YAML front matter for metadata, the rendered text read like a plain-text article. */
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { htmlToParagraphs } from './html-to-text.js';
import { readPlainText } from './plain-text.js';
import { isLoose, recordFields } from './record-fields.js';
import type { ArticleDraft } from './types.js';

const FRONT_MATTER = /^(?:\ufeff)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

/** Splits off YAML front matter; a block that is not valid YAML is dropped, not read as prose. */
function splitFrontMatter(markdown: string): { meta: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { meta: {}, body: markdown };
  let meta: unknown;
  try {
    meta = parseYaml(match[1]!);
  } catch {
    meta = {};
  }
  return { meta: isLoose(meta) ? meta : {}, body: markdown.slice(match[0].length) };
}

/**
 * Reads a Markdown article. Rendering with `marked` strips links, emphasis, images and headings
 * the way Markdown defines them; soft line breaks are kept so date and source lines stay lines.
 */
export function readMarkdown(markdown: string): ArticleDraft {
  const { meta, body } = splitFrontMatter(markdown);
  const fields = recordFields(meta);
  const html = marked.parse(body, { async: false, gfm: true });
  const lines = htmlToParagraphs(html, { keepLines: true }).join('\n\n');
  const draft = readPlainText(lines, {
    title: fields.title,
    source: fields.source,
    published: fields.published,
    topics: fields.topics,
  });
  return { ...draft, url: fields.url ?? draft.url };
}
