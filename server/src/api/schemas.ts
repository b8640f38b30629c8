/**
 * The request schemas of the API: one zod schema per query string, path and
 * body. The same objects validate requests and generate /api/openapi.json.
 */
import { z } from 'zod';
import { ENTITY_TYPES } from '../../../core/src/model.js';
import { ANALYST_ROLES } from '../../../core/src/queries/analysts.js';
import { MAX_PATH_HOPS, MAX_PATHS } from '../../../core/src/queries/paths.js';

/** `type=Person,Country` or `type=Person&type=Country`. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : [v].flat().flatMap((s) => String(s).split(',')).filter(Boolean)), z.array(item));

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
const entityId = z.string().min(1).max(300).describe('Entity id, e.g. person:kim-jong-un or country:KP');
const entityTypes = list(z.enum(ENTITY_TYPES)).optional().describe('Entity types to keep: Person, Organization, Country (comma-separated or repeated)');
const paging = { limit: int(1, 200, 20), offset: int(0, 100_000, 0) };

export const EntityParams = z.object({ id: entityId });
export const LinkParams = z.object({ a: entityId, b: entityId });
export const ArticleParams = z.object({ id: z.string().min(1).max(2000).describe('Article id (URL or sha256:…), URL-encoded') });
export const IdParams = z.object({ id: z.string().min(1).max(200) });

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200).describe('Name or alias; typos and prefixes are tolerated'),
  type: entityTypes,
  limit: int(1, 100, 20),
  hidden: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Include hidden entities'),
});

export const EntityQuery = z.object({
  articleLimit: int(1, 100, 20),
  articleOffset: int(0, 100_000, 0),
  linkLimit: int(1, 100, 15),
});

export const NeighbourQuery = z.object({
  depth: int(1, 3, 1).describe('Hops from the entity, 1 to 3'),
  type: entityTypes,
  minWeight: z.coerce.number().min(0).max(1e9).optional().describe('Keep links at least this strong'),
  from: isoDate.optional().describe('Keep links seen on or after this date'),
  to: isoDate.optional().describe('Keep links seen on or before this date'),
  limit: int(1, 500, 100).describe('Most nodes besides the centre'),
  offset: int(0, 1_000_000, 0).describe("Skip this many of the centre's direct neighbours (paging a hub)"),
});

export const PathQuery = z.object({
  from: entityId,
  to: entityId,
  max: int(1, MAX_PATH_HOPS, 4).describe('Longest path, in hops'),
  limit: int(1, MAX_PATHS, 5).describe('How many shortest paths (all of the shortest length found)'),
  avoid: list(entityId).optional().describe('Entity ids no path may pass through (e.g. hubs)'),
  excludeTypes: entityTypes,
});

export const EvidenceQuery = z.object(paging);

export const TopQuery = z.object({
  by: z.enum(['mentions', 'degree']).default('mentions'),
  limit: int(1, 200, 40),
  type: entityTypes,
});

const targetKind = z.enum(['entity', 'link', 'article']);
const linkTarget = /^[^|]+\|[^|]+$/;

export const AnnotationListQuery = z.object({
  targetKind: targetKind.optional(),
  targetId: z.string().min(1).max(2000).optional(),
  author: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
  deleted: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Include deleted ones'),
});

const tags = z.array(z.string().trim().min(1).max(50)).max(30);

export const AnnotationCreateBody = z
  .object({
    targetKind,
    targetId: z.string().min(1).max(2000).describe('Entity id, article id, or `a|b` for a link'),
    text: z.string().max(20_000).default(''),
    tags: tags.default([]),
  })
  .refine((b) => b.targetKind !== 'link' || linkTarget.test(b.targetId), {
    path: ['targetId'],
    message: 'A link target is two entity ids joined by |',
  })
  .refine((b) => b.text.trim() !== '' || b.tags.length > 0, { path: ['text'], message: 'A note needs text or tags' });

const version = z.number().int().min(0).describe('The version you last saw (or send it as If-Match)');

export const AnnotationUpdateBody = z.object({
  text: z.string().max(20_000).optional(),
  tags: tags.optional(),
  version: version.optional(),
});

export const VersionBody = z.object({ version: version.optional() }).default({});

export const MergeBody = z.object({ into: entityId.describe('The entity that stays'), version: version.optional() });

export const EntityUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(300).optional(),
    type: z.enum(ENTITY_TYPES).optional(),
    version: version.optional(),
  })
  .refine((b) => b.name !== undefined || b.type !== undefined, { path: ['name'], message: 'Give a new name or type' });

export const RejectionBody = z.object({
  text: z.string().trim().min(1).max(300).describe('The string that is not an entity'),
  hideEntity: entityId.optional().describe('Also hide the entity this string produced'),
});

export const RejectionParams = z.object({ key: z.string().min(1).max(300) });

export const ManualLinkBody = z.object({
  a: entityId,
  b: entityId,
  note: z.string().trim().min(1).max(5000).describe('Why these two are linked'),
});

export const AuditQuery = z.object({
  targetId: z.string().max(2000).optional(),
  analyst: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  ...paging,
  limit: int(1, 500, 50),
});

export const PagingQuery = z.object(paging);

export const LoginBody = z.object({ token: z.string().min(1).max(200) });

export const RoleEnum = z.enum(ANALYST_ROLES);
