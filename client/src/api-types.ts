/**
 * The JSON shapes the explorer reads from the HTTP API (DESIGN.md's table).
 * Graph answers are Cytoscape elements; everything else is plain records.
 */

export type EntityType = 'Person' | 'Organization' | 'Country';
export const ENTITY_TYPES: readonly EntityType[] = ['Person', 'Organization', 'Country'];

/** One actor as search, top lists and graph nodes describe it. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  iso2?: string;
  mentionCount: number;
  articleCount: number;
  /** The alias that matched a search, when it was not the name. */
  matched?: string;
}

export interface NodeData {
  id: string;
  type: string;
  label: string;
  name?: string;
  aliases?: string[];
  iso2?: string;
  mentionCount?: number;
  articleCount?: number;
  degree?: number;
  annotated?: boolean;
  [key: string]: unknown;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  /** `LINKED` for co-mentions, else a relation type such as `LEADS`. */
  type?: string;
  weight?: number;
  articles?: number;
  firstSeen?: string;
  lastSeen?: string;
  annotated?: boolean;
  [key: string]: unknown;
}

export interface Elements {
  nodes: Array<{ data: NodeData }>;
  edges: Array<{ data: EdgeData }>;
}

/** A neighbourhood page: elements plus how many neighbours are left. */
export interface NeighbourPage extends Elements {
  total: number;
  offset: number;
  /** Neighbours not in this page nor earlier ones. */
  remaining: number;
}

export interface ArticleRef {
  id: string;
  title: string;
  published?: string;
  source?: string;
  url?: string;
  count?: number;
}

export interface TimelinePoint {
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  period: string;
  count: number;
}

export interface EntityDetails extends EntitySummary {
  articles: ArticleRef[];
  timeline: TimelinePoint[];
  annotations: Annotation[];
  /** Typed facts it takes part in, drawn as labelled arrows. */
  relations: Array<{ type: string; source: string; target: string }>;
  hidden?: boolean;
  version?: number;
}

/** A mention inside a sentence or article, offsets relative to that text. */
export interface MarkedSpan {
  start: number;
  end: number;
  entityId?: string;
  type?: string;
  text?: string;
}

/** One sentence that supports a link or relation. */
export interface EvidenceSentence {
  /** `article#start`, as typed relations name the sentences that state them. */
  id?: string;
  text: string;
  articleId: string;
  articleTitle?: string;
  published?: string;
  url?: string;
  /** Mentions of the two ends inside `text`. */
  marks: MarkedSpan[];
  relation?: string;
}

export interface LinkEvidence {
  source: string;
  target: string;
  weight?: number;
  articles?: number;
  /** All supporting sentences, when more exist than were sent. */
  total?: number;
  /** Typed facts between the two, each with the sentences that state it and how it was found. */
  relations: LinkRelation[];
  sentences: EvidenceSentence[];
}

export interface LinkRelation {
  type: string;
  source: string;
  target: string;
  articles?: number;
  /** Ids of the sentences that state it. */
  sentences: string[];
  /** `classifier` when only the learned classifier found it; its `confidence` (0–1) then says how sure it was. */
  foundBy: 'rules' | 'classifier';
  confidence?: number;
}

export interface ArticleView {
  id: string;
  title: string;
  text: string;
  published?: string;
  source?: string;
  url?: string;
  mentions: MarkedSpan[];
  annotations: Annotation[];
}

export interface PathHop {
  source: string;
  target: string;
  type?: string;
  evidence: EvidenceSentence[];
}

export interface PathsAnswer extends Elements {
  paths: Array<{ nodes: string[]; hops: PathHop[] }>;
  /** The search hit its budget (`stopReason`: time, reads, links, frontier): there may be shorter or more paths. */
  stoppedEarly?: boolean;
  stopReason?: string;
  /** No path avoided the hubs; these cross one. */
  throughHubs?: boolean;
}

export type TargetKind = 'entity' | 'link' | 'article';

export interface Annotation {
  id: string;
  targetKind: TargetKind;
  targetId: string;
  text: string;
  tags: string[];
  author: string;
  createdAt: string;
  updatedAt?: string;
  version?: number;
}

export interface Me {
  authRequired: boolean;
  name?: string;
  role?: string;
  /** The server's local default analyst (no sign-in on loopback). */
  local?: boolean;
}
