/**
 * The badge a node draws inside itself (an initial, or a country's ISO code):
 * a small PNG behind a short blob: URL, decoded ahead of use.
 *
 * Measured on 2,000 nodes in the client bench:
 * - a bitmap, not SVG: Chromium rasterises an SVG image again on every
 *   drawImage, which cost 0.3–0.5 s of the first render;
 * - a short URL, not a data: URI: Cytoscape hashes a node's style values,
 *   the image URL among them, each time it styles the node; 1 kB data URIs
 *   cost ~0.15 s there.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { nodeBadge } from './style.js';

/**
 * Pixels per side: sharp on the largest node (64 px) at zoom 1. Downscaling
 * is paid on every draw: 128 px badges measured 0.25 s slower on 2,000 nodes.
 */
const BADGE_PX = 64;

const urlByText = new Map<string, string>();

/** A blob: URL of a PNG drawing `text` in white, centred: the node's badge. */
export function badgeImage(text: string): string {
  let url = urlByText.get(text);
  if (!url) {
    const safe = text.replace(/[^A-Za-z0-9+]/g, '').slice(0, 3);
    const canvas = document.createElement('canvas');
    canvas.width = BADGE_PX;
    canvas.height = BADGE_PX;
    const context = canvas.getContext('2d');
    if (context) {
      context.fillStyle = '#ffffff';
      context.font = `bold ${Math.round(BADGE_PX * (safe.length > 2 ? 0.32 : 0.4))}px Arial, sans-serif`;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText(safe, BADGE_PX / 2, BADGE_PX / 2);
    }
    // toBlob would be asynchronous; a badge is needed now, and there are a few hundred at most.
    const png = atob(canvas.toDataURL('image/png').split(',')[1] ?? '');
    const bytes = Uint8Array.from(png, (char) => char.charCodeAt(0));
    // Kept for the page's lifetime: the same badge is reused by every node that shows it.
    url = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
    urlByText.set(text, url);
  }
  return url;
}

/**
 * The badge fields of a node's data for its type (and ISO code): both
 * undefined when it draws none, so a retyped node also loses its old badge.
 */
export function badgeData(type: string, iso2?: string): { badge?: string; badgeImage?: string } {
  const badge = nodeBadge(type, iso2);
  return badge ? { badge, badgeImage: badgeImage(badge) } : { badge: undefined, badgeImage: undefined };
}

/**
 * Cytoscape's renderer draws from its own image per URI, made on first use.
 * An image it makes while drawing fires a late "load" that redraws the whole
 * graph (0.2–0.3 s on 2,000 nodes) though the badge was already drawn. So the
 * badges are put into that cache, decoded, before the elements are added.
 * `getCachedImage` is not in Cytoscape's typings (pinned at 3.34.4); without
 * it we decode our own copy, which still spares the first frame.
 */
interface ImageCachingRenderer {
  getCachedImage?: (url: string, crossOrigin: string, onLoad: () => void) => HTMLImageElement;
}

const decodedByGraph = new WeakMap<Core, Map<string, Promise<void>>>();

/** Resolves once every badge these elements draw is decoded for this graph (at once for those seen before). */
export async function badgesDecoded(cy: Core, elements: ElementDefinition[]): Promise<void> {
  const uris = new Set<string>();
  for (const element of elements) {
    const uri = element.data.badgeImage;
    if (typeof uri === 'string') uris.add(uri);
  }
  let decoded = decodedByGraph.get(cy);
  if (!decoded) decodedByGraph.set(cy, (decoded = new Map()));
  const renderer = (cy as unknown as { renderer(): ImageCachingRenderer | undefined }).renderer();
  await Promise.all(
    [...uris].map((uri) => {
      let done = decoded.get(uri);
      if (!done) {
        const image = renderer?.getCachedImage?.(uri, 'anonymous', () => {}) ?? Object.assign(new Image(), { src: uri });
        // A badge that fails to decode is drawn without: never block the graph on it.
        done = image.decode().catch(() => {});
        decoded.set(uri, done);
      }
      return done;
    }),
  );
}
