/** Stage 2: finds the sentences and the Person, Organization and Country mentions of a text, with exact offsets. */
import type { Mention, Span } from '../../../core/src/model.js';
import { applyAcronyms } from '../nlp/acronyms.js';
import { lookupCountry } from '../nlp/countries.js';
import { prepareText } from '../nlp/features.js';
import { DEFAULT_MODEL_PATH } from '../nlp/model-path.js';
import { isHeadline, refineSpan, type RefineContext } from '../nlp/refine.js';
import { spansFromBio, type LabelledSpan } from '../nlp/spans.js';
import { decode, loadModel, type LoadedModel } from '../nlp/tagger.js';
import type { Token } from '../nlp/tokenize.js';

export interface TextAnalysis {
  sentences: Span[];
  mentions: Mention[];
}

let model: LoadedModel | undefined;

/** The trained tagger, read from disk on first use. */
export function mentionModel(): LoadedModel {
  model ??= loadModel(DEFAULT_MODEL_PATH);
  return model;
}

/** Words before a capital that make it a place rather than its government: "in Seoul", "flew to Tokyo". */
const LOCATIVE = new Set(
  'in at near outside inside from to into around across through via within toward towards visit visited visiting arrived left leaving reached entered based downtown central'.split(' '),
);

/** A capital names its country's government unless the words before it make it a place, or it opens a dateline. */
function capitalIsMetonym(tokens: Token[], span: LabelledSpan, sentenceStart: number): boolean {
  const before = span.from > sentenceStart ? tokens[span.from - 1]!.text.toLowerCase() : '';
  if (LOCATIVE.has(before)) return false;
  // Reuters-style datelines: "SEOUL 2025-07-28" or "SEOUL (Reuters) -".
  const after = tokens[span.to]?.text ?? '';
  if (span.from === sentenceStart && (/^\d/.test(after) || after === '(' || after === '-')) return false;
  return true;
}

function toMention(text: string, tokens: Token[], span: LabelledSpan, sentenceStart: number): Mention | undefined {
  const surface = text.slice(span.start, span.end);
  const base = { start: span.start, end: span.end, text: surface };
  if (span.label === 'PER') return { ...base, type: 'Person' };
  if (span.label === 'ORG') return { ...base, type: 'Organization' };
  const country = lookupCountry(surface);
  if (!country) return undefined;
  if (country.via === 'capital' && (span.label !== 'LOC' || !capitalIsMetonym(tokens, span, sentenceStart))) return undefined;
  // A country word the tagger calls MISC is used as an adjective ("Thai rice", "U.S. troops"): a demonym.
  const via = span.label === 'MISC' ? 'demonym' : country.via;
  return { ...base, type: 'Country', iso2: country.iso2, via, canonical: country.canonical };
}

/** Sentences and mentions of `text`; mentions are sorted, never overlap, and `text.slice(start, end) === mention.text`. */
export function findMentions(text: string): TextAnalysis {
  const model = mentionModel();
  const prepared = prepareText(text, model.casing, { weights: model.weights });
  const { tokens } = prepared;
  const tags: string[] = decode(prepared, model.score);
  applyAcronyms(tokens, tags);
  const sentenceOf = new Int32Array(tokens.length);
  prepared.sentences.forEach(([from, to], s) => sentenceOf.fill(s, from, to));
  const base = { tokens, tags, casing: model.casing, docCase: prepared.docCase };
  const headline = prepared.sentences.map(([from, to], s) => isHeadline(prepared.modes[s]!, from, to, base));
  const ctx: RefineContext = { ...base, inHeadline: (i) => headline[sentenceOf[i]!]! };

  const mentions: Mention[] = [];
  let lastEnd = 0;
  for (const raw of spansFromBio(tokens, tags)) {
    const span = refineSpan(raw, ctx);
    if (!span || span.start < lastEnd) continue;
    const mention = toMention(text, tokens, span, prepared.sentences[sentenceOf[span.from]!]![0]);
    if (!mention) continue;
    mentions.push(mention);
    lastEnd = mention.end;
  }
  const sentences = prepared.sentences.map(([from, to]) => ({ start: tokens[from]!.start, end: tokens[to - 1]!.end }));
  return { sentences, mentions };
}
