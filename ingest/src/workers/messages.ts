/** What the main thread and extraction workers say to each other. */
import type { AnalystDecisions, Article, Extraction } from '../../../core/src/model.js';

/** Maps and Sets travel between threads as arrays. */
export interface TransferableDecisions {
  aliases: Array<[string, string]>;
  rejected: string[];
  retyped: Array<[string, AnalystDecisions['retyped'] extends Map<string, infer T> ? T : never]>;
}

export interface WorkerInit {
  /** A spare worker: it lowers its own priority, to use only CPU time nothing else wants. */
  background: boolean;
}

/**
 * The analyst decisions every extraction honours. A worker starts before they are read from Neo4j (its
 * start-up overlaps opening the database), so they come as the first message, before any article.
 */
export interface DecisionsMessage {
  decisions: TransferableDecisions;
}

export interface ExtractRequest {
  id: number;
  article: Article;
}

export type ToWorker = DecisionsMessage | ExtractRequest;

export type ExtractResponse = { id: number; extraction: Extraction } | { id: number; error: string };

export function toTransfer(decisions: AnalystDecisions): TransferableDecisions {
  return {
    aliases: [...decisions.aliases],
    rejected: [...decisions.rejected],
    retyped: [...decisions.retyped],
  };
}

export function fromTransfer(transfer: TransferableDecisions): AnalystDecisions {
  return {
    aliases: new Map(transfer.aliases),
    rejected: new Set(transfer.rejected),
    retyped: new Map(transfer.retyped),
  };
}
