/**
 * The traffic the soak and reliability benches send the explorer's API on loopback: reads about the most
 * mentioned actors, and every tenth request an analyst's note on one of them.
 */

export interface Traffic {
  /** The top actors' ids, URL-encoded. */
  ids: string[];
  /** Read routes, relative to the API's base. */
  reads: string[];
}

/** The `limit` most mentioned actors and the read routes `routes` makes of each (its id, its rank, all ids). */
export async function topActorTraffic(base: string, limit: number, routes: (id: string, i: number, ids: string[]) => string[]): Promise<Traffic> {
  const top = (await (await fetch(`${base}/top?limit=${limit}`)).json()) as { nodes: Array<{ data: { id: string } }> };
  const ids = top.nodes.map((node) => encodeURIComponent(node.data.id));
  return { ids, reads: ids.flatMap((id, i) => routes(id, i, ids)) };
}

/**
 * Request `k` of client `client`: a read, or every tenth a note whose text starts with `label`. Resolves with the
 * status once the body is read; `status` is undefined when no answer came (refused, reset).
 */
export async function sendAnalystRequest(
  base: string,
  { ids, reads }: Traffic,
  client: number,
  k: number,
  label: string,
): Promise<{ write: boolean; status?: number }> {
  const write = k % 10 === 9;
  const response = await fetch(`${base}${write ? '/annotations' : reads[(client * 31 + k) % reads.length]}`, {
    method: write ? 'POST' : 'GET',
    headers: write ? { 'content-type': 'application/json' } : {},
    body: write ? JSON.stringify({ targetKind: 'entity', targetId: decodeURIComponent(ids[k % ids.length]!), text: `${label} ${client}/${k}` }) : undefined,
  }).catch(() => undefined);
  await response?.arrayBuffer();
  return { write, status: response?.status };
}
