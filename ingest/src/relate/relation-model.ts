/**
 * The learned relation classifier: one logistic regression per kind of relation over `pairFeatures`, trained
 * by `npm run train-relations` (ingest/scripts/train-relations.ts) and shipped gzipped as JSON. A pair's
 * probability is its confidence; a relation is kept when it reaches the kind's threshold, chosen by
 * cross-validation on the training sentences for precision first (a wrong relation costs an analyst more
 * than a missing one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityType } from '../../../core/src/model.js';

/** What each kind relates, in the direction our relation types state it. */
export const RELATION_KINDS = {
  /** A person works for (or leads, or belongs to) an organisation: CoNLL04's Work_For. */
  WORKS_FOR: { head: 'Person', tail: 'Organization' },
  /** An organisation is based in a country: CoNLL04's OrgBased_In. */
  BASED_IN: { head: 'Organization', tail: 'Country' },
} as const satisfies Record<string, { head: EntityType; tail: EntityType }>;

export type RelationKind = keyof typeof RELATION_KINDS;

export interface KindWeights {
  /** Probability at or above which a pair is a relation. */
  threshold: number;
  weights: Record<string, number>;
}

export interface RelationModel {
  meta: Record<string, unknown>;
  kinds: Record<RelationKind, KindWeights>;
}

export const DEFAULT_RELATION_MODEL_PATH = fileURLToPath(new URL('../../models/relation-classifier.json.gz', import.meta.url));

export function serialiseRelationModel(model: RelationModel): Buffer {
  return gzipSync(JSON.stringify(model), { level: 9 });
}

let loaded: RelationModel | undefined;

/** The shipped model, read once per process; undefined when it was never trained (the rules still run). */
export function relationModel(path = DEFAULT_RELATION_MODEL_PATH): RelationModel | undefined {
  if (loaded === undefined && existsSync(path)) loaded = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as RelationModel;
  return loaded;
}

/** The probability that `features` state a relation of this kind. */
export function probability(weights: Record<string, number>, features: string[]): number {
  let z = 0;
  for (const f of features) z += weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
