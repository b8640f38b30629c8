/**
 * How an actor's spellings become keys. Ingest uses these to resolve
 * mentions to stable entity ids; the server uses the same functions when an
 * analyst merges or rejects, so that later ingests honour the decision.
 */
import type { EntityType } from './model.js';

/**
 * A spelling reduced to what tells actors apart: case, accents, dots,
 * apostrophes, dash styles and spacing do not.
 *
 * @example surfaceKey('Kim Jong-un') === surfaceKey('KIM JONG UN') // 'kim jong un'
 * @example surfaceKey('U.S.') === 'us'
 */
export function surfaceKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents: "Macron" and "Mácron" meet
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc']s\b/g, '') // possessive: "Seoul's" is Seoul
    .replace(/[.\u2018\u2019\u02bc'`]/g, '') // "U.S." -> "us"
    .replace(/[\p{Pd}_/]+/gu, ' ') // every dash style, and slashes, separate words
    .replace(/[^\p{L}\p{N}&+ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A readable, stable slug for ids: `Kim Jong-un` -> `kim-jong-un`. */
export function slug(text: string): string {
  return surfaceKey(text).replace(/&/g, ' and ').replace(/\s+/g, '-').replace(/[^a-z0-9\p{L}-]/gu, '');
}

const ID_PREFIX: Record<EntityType, string> = { Person: 'person', Organization: 'org', Country: 'country' };

/**
 * The stable id of an actor: countries by ISO 3166-1 alpha-2 code, others by
 * the slug of their canonical name.
 *
 * @example entityId('Country', 'North Korea', 'KP') === 'country:KP'
 * @example entityId('Person', 'Kim Jong-un') === 'person:kim-jong-un'
 */
export function entityId(type: EntityType, canonicalName: string, iso2?: string): string {
  if (type === 'Country' && iso2) return `country:${iso2.toUpperCase()}`;
  return `${ID_PREFIX[type]}:${slug(canonicalName)}`;
}

/** Key of an analyst's alias decision: the same spelling may name a person and a company. */
export function aliasKey(type: EntityType, surface: string): string {
  return `${type}:${surfaceKey(surface)}`;
}
