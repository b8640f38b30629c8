/** Shapes shared by the article readers: what a format reader hands back before it becomes an Article. */

/** One input that could not be read, or one record in it; `line` is 1-based when known. */
export interface ReadFailure {
  path: string;
  line?: number;
  message: string;
}

export interface ReadOptions {
  /** Source to use when the document names none. */
  defaultSource?: string;
  /** Published date to use when the document gives none (any format `normaliseDate` accepts). */
  defaultPublished?: string;
  /** Larger inputs are refused with a failure; default 50 MiB. */
  maxBytes?: number;
  /** Longer article texts are refused with a failure naming the record; default 500,000 characters. */
  maxArticleChars?: number;
  /**
   * Whether a file with these bytes (their sha256) was already read whole and stored: such a file
   * comes back `unchanged`, without being parsed.
   */
  alreadyStored?: (fingerprint: string) => boolean;
}

/** What one format reader found in one document or record: raw metadata and the built prose. */
export interface ArticleDraft {
  title?: string;
  /** The prose, paragraphs joined by blank lines. Built once; never changed after. */
  text: string;
  source?: string;
  url?: string;
  /** Unnormalised: the reader passes the date as found. */
  published?: unknown;
  topics?: string[];
  /** 1-based line of the record (JSONL), to name it in a failure. */
  line?: number;
  /** 1-based position of the record in its file (JSONL lines, JSON array items, feed items). */
  record?: number;
}

/** A problem with part of a document; the caller adds the path. */
export interface ReadProblem {
  line?: number;
  message: string;
}

/** A format reader's answer: the documents it could read and what went wrong with the rest. */
export interface FormatResult {
  drafts: ArticleDraft[];
  problems: ReadProblem[];
}
