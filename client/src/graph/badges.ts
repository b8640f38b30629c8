/**
 * The badge a node draws inside itself (an initial, or a country's ISO code)
 * as an SVG image, decoded ahead of use. Cytoscape skips an image that is
 * still loading and redraws the whole graph when it arrives: on 2,000 nodes
 * that second full draw cost 0.2–0.6 s of the first render in the client
 * bench. Decoded first, every badge is there on the first frame.
 */
import type { ElementDefinition } from 'cytoscape';

const uriByText = new Map<string, string>();
const decodedByUri = new Map<string, Promise<void>>();
/** Held so the browser keeps the decoded bitmaps for Cytoscape's own <img>s of the same URI. */
const held: HTMLImageElement[] = [];

/** An SVG data URI drawing `text` in white, centred: the node's badge. */
export function badgeImage(text: string): string {
  let uri = uriByText.get(text);
  if (!uri) {
    const safe = text.replace(/[^A-Za-z0-9+]/g, '').slice(0, 3);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><text x="20" y="26" font-family="Arial,sans-serif" font-size="${safe.length > 2 ? 13 : 16}" font-weight="bold" fill="white" text-anchor="middle">${safe}</text></svg>`;
    uri = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
    uriByText.set(text, uri);
  }
  return uri;
}

/** Resolves once every badge these elements draw is decoded (at once for those seen before). */
export async function badgesDecoded(elements: ElementDefinition[]): Promise<void> {
  const uris = new Set<string>();
  for (const element of elements) {
    const uri = element.data.badgeImage;
    if (typeof uri === 'string') uris.add(uri);
  }
  await Promise.all([...uris].map(decode));
}

function decode(uri: string): Promise<void> {
  let decoded = decodedByUri.get(uri);
  if (!decoded) {
    if (typeof Image === 'undefined') return Promise.resolve();
    const image = new Image();
    image.src = uri;
    held.push(image);
    // A badge that fails to decode is drawn without, as before: never block the graph on it.
    decoded = image.decode().catch(() => {});
    decodedByUri.set(uri, decoded);
  }
  return decoded;
}
