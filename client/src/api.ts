/**
 * The explorer's only door to the server: typed calls to the JSON API, its
 * answers normalised into api-types shapes, its errors as ApiError.
 */
import type {
  Annotation, ArticleRef, ArticleView, EdgeData, Elements, EntityDetails, EntitySummary, EntityType,
  EvidenceSentence, LinkEvidence, LinkRelation, MarkedSpan, Me, NeighbourPage, NodeData, PathHop, PathsAnswer, TargetKind,
  TimelinePoint,
} from './api-types.js';

const TOKEN_KEY = 'actorgraph.token';

/** An API failure a person can read: `status` 0 means the server did not answer at all. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }

  /** A sentence for the error banner. */
  get readable(): string {
    if (this.status === 0) return 'The Actorgraph server is not reachable. Is `npm start` running?';
    if (this.status === 503) return `The graph database is not available right now (${this.message}).`;
    if (this.status === 401) return 'Please sign in to do this.';
    if (this.status === 403) return 'Your account may not do this.';
    return this.message;
  }
}

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

type Json = Record<string, unknown>;

async function request<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'unreachable', 'network error');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, say: keep the status, drop the body.
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    const neo4jDown = (parsed as { neo4j?: { status?: string } } | undefined)?.neo4j?.status === 'down';
    throw new ApiError(
      response.status,
      error?.code ?? (neo4jDown ? 'database_unavailable' : `http_${response.status}`),
      error?.message ?? (neo4jDown ? 'Neo4j is down' : `${response.status} ${response.statusText}`),
    );
  }
  return parsed as T;
}

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

// ---- normalisers: accept the server's field names and their common variants ----

function num(value: unknown, fallback = 0): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function list<T = Json>(value: unknown, ...keys: string[]): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object') {
    for (const key of keys) {
      const inner = (value as Json)[key];
      if (Array.isArray(inner)) return inner as T[];
    }
  }
  return [];
}

export function toEntitySummary(raw: Json): EntitySummary {
  const source = (raw.data as Json | undefined) ?? (raw.entity as Json | undefined) ?? raw;
  return {
    id: String(source.id),
    type: (str(source.type) ?? 'Person') as EntityType,
    name: str(source.name) ?? str(source.label) ?? String(source.id),
    aliases: list<string>(source.aliases).filter((a) => typeof a === 'string'),
    iso2: str(source.iso2),
    mentionCount: num(source.mentionCount ?? source.mentions),
    articleCount: num(source.articleCount ?? source.articles),
    matched: str(raw.matched ?? raw.matchedAlias ?? source.matched),
  };
}

function toNodeData(raw: Json): NodeData {
  const data = ((raw.data as Json | undefined) ?? raw) as Json;
  const type = str(data.type) ?? 'Person';
  return {
    ...data,
    id: String(data.id),
    type,
    label: str(data.label) ?? str(data.name) ?? String(data.id),
    name: str(data.name) ?? str(data.label),
    mentionCount: num(data.mentionCount ?? data.mentions, 1),
    articleCount: num(data.articleCount ?? data.articles, 0),
    annotated: Boolean(data.annotated) || num(data.annotationCount) > 0,
  };
}

function toEdgeData(raw: Json): EdgeData {
  const data = ((raw.data as Json | undefined) ?? raw) as Json;
  const type = str(data.type) ?? str(data.relation) ?? 'LINKED';
  const source = String(data.source);
  const target = String(data.target);
  return {
    ...data,
    id: str(data.id) ?? `${type}:${source}|${target}`,
    source,
    target,
    type,
    weight: num(data.weight, 1),
    articles: num(data.articles ?? data.articleCount, 0),
    firstSeen: str(data.firstSeen),
    lastSeen: str(data.lastSeen),
    annotated: Boolean(data.annotated) || num(data.annotationCount) > 0,
  };
}

export function toElements(raw: unknown): Elements {
  const root = (raw ?? {}) as Json;
  const elements = ((root.elements as Json | undefined) ?? root) as Json;
  return {
    nodes: list<Json>(elements.nodes).map((n) => ({ data: toNodeData(n) })),
    edges: list<Json>(elements.edges).map((e) => ({ data: toEdgeData(e) })),
  };
}

function toMarks(raw: unknown): MarkedSpan[] {
  return list<Json>(raw).map((m) => ({
    start: num(m.start),
    end: num(m.end),
    entityId: str(m.entityId ?? m.id),
    type: str(m.type),
    text: str(m.text),
  }));
}

function toSentence(raw: Json): EvidenceSentence {
  const article = (raw.article as Json | undefined) ?? {};
  return {
    id: str(raw.id),
    text: str(raw.text) ?? str(raw.sentence) ?? '',
    articleId: str(raw.articleId) ?? str(article.id) ?? '',
    articleTitle: str(raw.articleTitle) ?? str(raw.title) ?? str(article.title),
    published: str(raw.published) ?? str(article.published),
    url: str(raw.url) ?? str(article.url),
    marks: toMarks(raw.marks ?? raw.mentions ?? raw.highlights),
    relation: str(raw.relation ?? raw.type),
  };
}

function toLinkRelation(raw: Json): LinkRelation {
  return {
    type: String(raw.type),
    source: String(raw.source),
    target: String(raw.target),
    articles: raw.articles === undefined ? undefined : num(raw.articles),
    sentences: list<string>(raw.sentences).map(String),
    foundBy: raw.foundBy === 'classifier' ? 'classifier' : 'rules',
    confidence: raw.confidence === undefined ? undefined : num(raw.confidence),
  };
}

function toAnnotation(raw: Json): Annotation {
  return {
    id: String(raw.id),
    targetKind: (str(raw.targetKind) ?? 'entity') as TargetKind,
    targetId: str(raw.targetId) ?? '',
    text: str(raw.text) ?? '',
    tags: list<string>(raw.tags),
    author: str(raw.author) ?? 'unknown',
    createdAt: str(raw.createdAt) ?? '',
    updatedAt: str(raw.updatedAt),
    version: raw.version === undefined ? undefined : num(raw.version),
  };
}

function toArticleRef(raw: Json): ArticleRef {
  return {
    id: String(raw.id),
    title: str(raw.title) ?? String(raw.id),
    published: str(raw.published),
    source: str(raw.source),
    url: str(raw.url),
    count: (raw.count ?? raw.mentions) === undefined ? undefined : num(raw.count ?? raw.mentions),
  };
}

function toTimeline(raw: unknown): TimelinePoint[] {
  return list<Json>(raw, 'buckets', 'points', 'timeline').map((p) => ({
    period: str(p.period) ?? str(p.month) ?? str(p.date) ?? '',
    count: num(p.count ?? p.mentions ?? p.articles),
  }));
}

// ---- the routes ----

export const api = {
  health: () => request<{ status: string; neo4j?: { status: string } }>('GET', '/api/health'),

  me: async (): Promise<Me> => {
    const raw = await request<Json>('GET', '/api/me');
    const analyst = (raw.analyst as Json | null | undefined) ?? undefined;
    return {
      // Sign-in is needed when the server requires it and this request is nobody.
      authRequired: Boolean(raw.signInRequired ?? raw.authRequired) && !analyst,
      name: str(analyst?.name),
      role: str(analyst?.role),
      local: Boolean(analyst?.local),
    };
  },

  /** Checks a token; answers whose it is. */
  login: (token: string) => request<Json>('POST', '/api/login', { token }),

  search: async (q: string, limit = 10, type?: string): Promise<EntitySummary[]> => {
    const raw = await request('GET', `/api/search${query({ q, limit, type })}`);
    return list<Json>(raw, 'results', 'entities', 'items').map(toEntitySummary);
  },

  /** The most connected actors, for the first view, as elements. */
  top: async (limit = 40): Promise<Elements> => toElements(await request('GET', `/api/top${query({ limit, by: 'degree' })}`)),

  entity: async (id: string): Promise<EntityDetails> => {
    const raw = await request<Json>('GET', `/api/entities/${enc(id)}`);
    const source = (raw.entity as Json | undefined) ?? raw;
    return {
      ...toEntitySummary(source),
      articles: list<Json>(raw.articles ?? source.articles, 'items').map(toArticleRef),
      timeline: toTimeline(raw.timeline ?? source.timeline),
      annotations: list<Json>(raw.annotations ?? source.annotations, 'items').map(toAnnotation),
      relations: list<Json>(raw.relations).map((r) => {
        const other = String(((r.other as Json | undefined) ?? {}).id ?? r.target);
        const type = String(r.type);
        return r.direction === 'in' ? { type, source: other, target: id } : { type, source: id, target: other };
      }),
      hidden: Boolean(source.hidden),
      version: source.version === undefined ? undefined : num(source.version),
    };
  },

  timeline: async (id: string): Promise<TimelinePoint[]> =>
    toTimeline(await request('GET', `/api/entities/${enc(id)}/timeline`)),

  neighbours: async (
    id: string,
    options: { limit?: number; offset?: number; minWeight?: number; from?: string; to?: string } = {},
  ): Promise<NeighbourPage> => {
    const raw = await request<Json>('GET', `/api/entities/${enc(id)}/neighbours${query({ depth: 1, ...options })}`);
    const elements = toElements(raw);
    const page = ((raw.page as Json | undefined) ?? raw) as Json;
    const offset = num(page.offset, options.offset ?? 0);
    const neighbourCount = elements.nodes.filter((n) => n.data.id !== id).length;
    const total = num(page.total ?? page.totalNeighbours, offset + neighbourCount);
    const remaining =
      page.remaining !== undefined
        ? num(page.remaining)
        : page.nextOffset === null
          ? 0
          : Math.max(0, total - offset - neighbourCount);
    return { ...elements, total, offset, remaining };
  },

  paths: async (from: string, to: string, max = 4): Promise<PathsAnswer> => {
    const raw = await request<Json>('GET', `/api/paths${query({ from, to, max })}`);
    const elements = toElements(raw);
    const edgeById = new Map(elements.edges.map((e) => [e.data.id, e.data]));
    const paths = list<Json>(raw.paths).map((p) => ({
      nodes: list<unknown>(p.nodes).map((n) => (typeof n === 'string' ? n : String((n as Json).id))),
      // Each hop's evidence rides on its edge (or, in other shapes, on the path's hops).
      hops: (p.hops || p.steps
        ? list<Json>(p.hops ?? p.steps)
        : list<string>(p.edges).map((id) => (edgeById.get(id) ?? { source: '', target: '' }) as Json)
      ).map(
        (h): PathHop => ({
          source: String(h.source),
          target: String(h.target),
          type: str(h.type),
          evidence: list<Json>(h.evidence ?? h.sentences, 'items').map(toSentence),
        }),
      ),
    }));
    return { ...elements, paths, stoppedEarly: raw.stoppedEarly === true, stopReason: str(raw.stopReason), throughHubs: raw.throughHubs === true };
  },

  linkEvidence: async (a: string, b: string): Promise<LinkEvidence> => {
    const raw = await request<Json>('GET', `/api/links/${enc(a)}/${enc(b)}/evidence${query({ limit: 50 })}`);
    const link = (raw.link as Json | null | undefined) ?? {};
    const sentences = (raw.sentences as Json | unknown[] | undefined) ?? raw.evidence ?? raw;
    const total = Array.isArray(sentences) ? undefined : (sentences as Json).total;
    return {
      source: str((raw.a as Json | undefined)?.id) ?? a,
      target: str((raw.b as Json | undefined)?.id) ?? b,
      weight: link.weight === undefined ? undefined : num(link.weight),
      articles: link.articles === undefined ? undefined : num(link.articles),
      total: total === undefined ? undefined : num(total),
      relations: list<Json>(raw.relations).map(toLinkRelation),
      sentences: list<Json>(sentences, 'items', 'evidence', 'sentences').map(toSentence),
    };
  },

  article: async (id: string): Promise<ArticleView> => {
    const raw = await request<Json>('GET', `/api/articles/${enc(id)}`);
    const article = (raw.article as Json | undefined) ?? raw;
    return {
      id: String(article.id),
      title: str(article.title) ?? String(article.id),
      text: str(article.text) ?? '',
      published: str(article.published),
      source: str(article.source),
      url: str(article.url),
      mentions: toMarks(raw.mentions ?? article.mentions),
      annotations: list<Json>(raw.annotations ?? article.annotations).map(toAnnotation),
    };
  },

  /** Notes on one target, or (with no arguments) every live note. */
  annotations: async (targetKind?: TargetKind, targetId?: string): Promise<Annotation[]> =>
    list<Json>(await request('GET', `/api/annotations${query({ targetKind, targetId })}`), 'annotations', 'items').map(
      toAnnotation,
    ),

  addAnnotation: async (input: { targetKind: TargetKind; targetId: string; text: string; tags: string[] }) =>
    toAnnotation(unwrap(await request<Json>('POST', '/api/annotations', input), 'annotation')),

  editAnnotation: async (id: string, input: { text: string; tags: string[]; version?: number }) =>
    toAnnotation(unwrap(await request<Json>('PATCH', `/api/annotations/${enc(id)}`, input), 'annotation')),

  deleteAnnotation: (id: string, version?: number) =>
    request('DELETE', `/api/annotations/${enc(id)}${query({ version })}`, version === undefined ? undefined : { version }),

  /** Merges `id` into `into`; answers the merge's id, which undoes it. */
  merge: async (id: string, into: string): Promise<{ mergeId: string }> => {
    const raw = await request<Json>('POST', `/api/entities/${enc(id)}/merge`, { into });
    return { mergeId: String(raw.mergeId ?? raw.id) };
  },

  undoMerge: (mergeId: string) => request<Json>('POST', `/api/merges/${enc(mergeId)}/undo`),

  /** Rename and/or retype an entity. */
  updateEntity: (id: string, change: { type?: EntityType; name?: string }) => request<Json>('PATCH', `/api/entities/${enc(id)}`, change),

  setHidden: (id: string, hidden: boolean) => request<Json>('POST', `/api/entities/${enc(id)}/${hidden ? 'hide' : 'unhide'}`, {}),

  /** Says a string is not an actor (later ingests skip it) and hides the entity it made. */
  reject: async (text: string, hideEntity: string): Promise<{ key: string }> => {
    const raw = await request<Json>('POST', '/api/rejections', { text, hideEntity });
    return { key: String(((raw.rejection as Json | undefined) ?? raw).key) };
  },

  unreject: (key: string) => request('DELETE', `/api/rejections/${enc(key)}`),
};

function unwrap(raw: Json, key: string): Json {
  return ((raw[key] as Json | undefined) ?? raw) as Json;
}

/** The id annotations use for a link: both ends, smaller first. */
export function linkTargetId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
