/**
 * Rendered public pages, remembered. A page's HTML is a function of the build, its URL and its
 * loaders' data — exactly what its ETag hashes (conditional-get.server.ts) — and of the
 * response's CSP nonce. So when a public page is asked for again with the same ETag, React does
 * not render it again: the remembered HTML gets this response's nonce where the placeholder
 * it was rendered with stood. Loaders still run on every request, so what a visitor sees is
 * never older than the data.
 *
 * Bounded by bytes, least recently used out first. Personal pages (/r/…) and organisers'
 * pages are never kept (entry.server.tsx asks isSharedPath): their HTML holds personal data.
 */
import { randomBytes } from "node:crypto";

const MAX_BYTES = 8 * 1024 * 1024;

/**
 * Stands for the nonce while a page is rendered for keeping. Random per process, and the
 * same length and alphabet as a real nonce (base64 of 16 bytes), so no text a visitor writes
 * can contain it on purpose and escaping never changes it.
 */
export const NONCE_PLACEHOLDER = randomBytes(16).toString("base64");

interface Page {
  /** The HTML split at every placeholder: joined with the nonce it is the page. */
  readonly parts: string[];
  readonly bytes: number;
}

const pages = new Map<string, Page>();
let bytesKept = 0;

/** The page for this key with `nonce` in it, or null when it is not kept. */
export function keptPage(key: string, nonce: string): string | null {
  const page = pages.get(key);
  if (!page) return null;
  // Most recently used last: the Map's order is the eviction order.
  pages.delete(key);
  pages.set(key, page);
  return page.parts.join(nonce);
}

/** Keeps HTML rendered with NONCE_PLACEHOLDER as its nonce. */
export function keepPage(key: string, html: string) {
  const bytes = html.length * 2;
  if (bytes > MAX_BYTES / 8) return;
  const old = pages.get(key);
  if (old) {
    pages.delete(key);
    bytesKept -= old.bytes;
  }
  for (const [oldest, page] of pages) {
    if (bytesKept + bytes <= MAX_BYTES) break;
    pages.delete(oldest);
    bytesKept -= page.bytes;
  }
  pages.set(key, { parts: html.split(NONCE_PLACEHOLDER), bytes });
  bytesKept += bytes;
}

/** For tests: how much is kept. */
export function keptPages(): { count: number; bytes: number } {
  return { count: pages.size, bytes: bytesKept };
}
