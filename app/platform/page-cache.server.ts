/**
 * Rendered public pages, remembered. A page's HTML is a function of the build, its URL and its
 * loaders' data — exactly what its ETag hashes (conditional-get.server.ts) — and of the
 * response's CSP nonce. So when a public page is asked for again with the same ETag, React does
 * not render it again: the remembered HTML gets this response's nonce where the placeholder
 * it was rendered with stood. Loaders still run on every request that reaches the framework.
 *
 * And before them: a visit without cookies to a page whose ETag is still current (same build,
 * same data, same minute: conditional-get.server.ts) is answered by server.js with the kept
 * page before the framework runs at all, as a repeat visit gets its 304 there.
 *
 * Kept as UTF-8 bytes, cut at the placeholders: an answer is the pieces with the nonce between
 * them (server.js writes them as they are), so no request encodes 30 KB of text again (a page
 * with a character outside Latin-1 took twice as long to encode as one of the same size).
 *
 * Bounded by bytes, least recently used out first. Personal pages (/r/…) and organisers'
 * pages are never kept, nor any address with a query string (entry.server.tsx asks isKeptUrl):
 * their HTML holds personal data, and a made-up query would push the shared pages out.
 */
import { randomBytes } from "node:crypto";
import { currentEtag } from "./conditional-get.server";
import { compressPieces, gzipBody, type CompressedPieces } from "./gzip-pieces";

const MAX_BYTES = 8 * 1024 * 1024;

/**
 * Stands for the nonce while a page is rendered for keeping. Random per process, and the
 * same length and alphabet as a real nonce (base64 of 16 bytes), so no text a visitor writes
 * can contain it on purpose and escaping never changes it.
 */
export const NONCE_PLACEHOLDER = randomBytes(16).toString("base64");

interface Page {
  /** The HTML's UTF-8 bytes cut at every placeholder: joined with the nonce they are the page. */
  readonly parts: Buffer[];
  /** The same parts compressed, for an answer in gzip (gzip-pieces.ts). */
  readonly compressed: CompressedPieces;
  /** What the page holds in memory: its bytes and their compressed copy. */
  readonly bytes: number;
  /** The response's headers (never a Set-Cookie: such a page has no ETag). */
  readonly headers: [string, string][];
}

/** A kept page's key: its ETag and its path and query. */
export const pageKey = (etag: string, pathAndQuery: string) => `${etag} ${pathAndQuery}`;

const placeholderBytes = Buffer.from(NONCE_PLACEHOLDER, "latin1");

const pages = new Map<string, Page>();
let bytesKept = 0;

/** The page for this key with `nonce` in it, or null when it is not kept. */
export function keptPage(key: string, nonce: string): Buffer<ArrayBuffer> | null {
  const page = kept(key);
  return page ? Buffer.concat(withNonce(page, nonce)) : null;
}

/** The kept pieces with the nonce between them: the page, without a copy of it. */
function withNonce(page: Page, nonce: string): Buffer[] {
  const between = Buffer.from(nonce, "latin1");
  const pieces: Buffer[] = [page.parts[0]!];
  for (let i = 1; i < page.parts.length; i++) pieces.push(between, page.parts[i]!);
  return pieces;
}

function kept(key: string): Page | undefined {
  const page = pages.get(key);
  if (!page) return undefined;
  // Most recently used last: the Map's order is the eviction order.
  pages.delete(key);
  pages.set(key, page);
  return page;
}

/**
 * For server.js: the whole answer to a cookie-less GET of this URL, with `nonce` in it, when
 * its ETag is current and its page kept; else null (and the framework answers as usual). The
 * body is the kept bytes in pieces, the nonce between them, to be written as they are (the
 * short ones around the nonces joined): a copy of the whole page for each answer would be
 * 30 KB of memory outside V8's heap a visit, which the process gives back only as its garbage
 * is collected. With `gzip` (the client accepts it),
 * the body is gzip made of the parts compressed when the page was kept, the nonce between
 * them as it is (gzip-pieces.ts), and the headers say Content-Encoding: gzip.
 */
export function earlyPage(
  pathAndQuery: string,
  hasCookie: boolean,
  buildVersion: string,
  nonce: string | undefined,
  gzip = false,
): { pieces: Buffer[]; bytes: number; headers: [string, string][] } | null {
  if (!nonce) return null;
  const etag = currentEtag(pathAndQuery, hasCookie, buildVersion);
  const page = etag === null ? undefined : kept(pageKey(etag, pathAndQuery));
  if (!page) return null;
  const pieces = joinSmall(
    gzip ? gzipBody(page.compressed, Buffer.from(nonce, "latin1")) : withNonce(page, nonce),
  );
  const bytes = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const headers: [string, string][] = gzip
    ? [...page.headers, ["Content-Encoding", "gzip"]]
    : page.headers;
  return { pieces, bytes, headers };
}

/** A piece shorter than this is copied into one buffer with its short neighbours. */
const SMALL_PIECE = 1024;

/**
 * Each run of short pieces joined into one buffer. Every piece is a write of its own through
 * Node's http and stream code, and the meeting page's 22 module links and 5 scripts make 59
 * pieces, most under 100 bytes. Joined, the answer is a handful of writes, of which the long
 * parts are the kept bytes themselves, so it copies a few KB, not the page: about 5% less of
 * the server's CPU an answer (ADR 0019).
 */
function joinSmall(pieces: Buffer[]): Buffer[] {
  const joined: Buffer[] = [];
  let run: Buffer[] = [];
  let runBytes = 0;
  const endRun = () => {
    if (run.length > 1) joined.push(Buffer.concat(run, runBytes));
    else if (run.length === 1) joined.push(run[0]!);
    run = [];
    runBytes = 0;
  };
  for (const piece of pieces) {
    if (piece.length >= SMALL_PIECE) {
      endRun();
      joined.push(piece);
    } else {
      run.push(piece);
      runBytes += piece.length;
    }
  }
  endRun();
  return joined;
}

/** Keeps HTML rendered with NONCE_PLACEHOLDER as its nonce, with its response's headers. */
export function keepPage(key: string, html: string, headers: Headers = new Headers()) {
  const whole = Buffer.from(html, "utf8");
  if (whole.length > MAX_BYTES / 8) return;
  const parts = cut(whole);
  const compressed = compressPieces(parts, placeholderBytes.length);
  const bytes = whole.length + compressed.bytes;
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
  // Answered in gzip or as it is by the request's Accept-Encoding: shared caches must know.
  const answered = new Headers(headers);
  if (!/\baccept-encoding\b/i.test(answered.get("Vary") ?? "")) {
    answered.append("Vary", "Accept-Encoding");
  }
  pages.set(key, { parts, compressed, bytes, headers: [...answered] });
  bytesKept += bytes;
}

/** Views into `whole` between the placeholders (which are ASCII, so never split a character). */
function cut(whole: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (
    let at = whole.indexOf(placeholderBytes);
    at !== -1;
    at = whole.indexOf(placeholderBytes, from)
  ) {
    parts.push(whole.subarray(from, at));
    from = at + placeholderBytes.length;
  }
  parts.push(whole.subarray(from));
  return parts;
}

/** For tests: how much is kept. */
export function keptPages(): { count: number; bytes: number } {
  return { count: pages.size, bytes: bytesKept };
}
