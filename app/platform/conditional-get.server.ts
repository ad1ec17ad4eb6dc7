/**
 * Conditional GET for pages. A page is a function of the build and its loaders' data, so a
 * hash of both is an ETag that is right by construction: when a visitor already has the
 * page, the server answers 304 without rendering it. Pages that set cookies, forbid storing,
 * or show an action's result are left alone.
 */
import { createHash } from "node:crypto";
import type { EntryContext } from "react-router";
import { isKeptUrl } from "./paths";

export function documentEtag(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (status !== 200 || headers.has("Set-Cookie")) return null;
  if (headers.get("Cache-Control")?.includes("no-store")) return null;
  const { loaderData, actionData, errors } = context.staticHandlerContext;
  if (actionData || errors) return null;
  let serialised: string;
  try {
    serialised = JSON.stringify(loaderData);
  } catch {
    return null;
  }
  const hash = createHash("sha1")
    .update(context.manifest.version)
    .update("\0")
    .update(new URL(request.url).pathname)
    .update("\0")
    .update(serialised)
    .digest("base64url");
  return `W/"${hash}"`;
}

/** True when the request's If-None-Match names this ETag (weak comparison, as for GET). */
export function isNotModified(request: Request, etag: string): boolean {
  return namesEtag(request.headers.get("If-None-Match"), etag);
}

function namesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/**
 * The headers a 304 carries: validators and caching only. A 304 updates the headers of the
 * copy the browser keeps, so it must not bring a new Content-Security-Policy (its nonce would
 * no longer match the cached page's scripts).
 */
export function notModifiedHeaders(headers: Headers): Headers {
  const kept = new Headers();
  for (const name of ["ETag", "Cache-Control", "Vary", "Expires", "Last-Modified"]) {
    const value = headers.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept;
}

// --- Answering before the framework runs ---------------------------------------------------------

/**
 * A repeat visit to a public page costs a full pass through the framework (request object,
 * route matching, loaders) even when the answer is 304. The server answers it earlier when
 * nothing can have changed since the page's ETag was computed: same build, no write (by this
 * or any other process) to a table a shared page reads (db/shown-data.ts), same minute (pages
 * show time-dependent things such as "registration opens at" and the honeypot's timestamp). Only requests without cookies
 * take this path, so a page that differs per visitor is never answered for another. The same
 * holds for a first visit: page-cache.server.ts answers it with the page kept for that ETag.
 */
export interface FreshnessSource {
  /** Changes whenever the database may hold different data for a shared page. */
  dataVersion(): string;
}

declare module "react-router" {
  interface AppLoadContext {
    /**
     * The freshness token when the request arrived (server.js), before its loaders read
     * anything: a write while they run makes it stale, never the other way round.
     */
    freshness?: string | null;
  }
}

const remembered = new Map<string, { etag: string; token: string; headers: Headers }>();
const MAX_REMEMBERED = 500;
let source: FreshnessSource | undefined;

export function setFreshnessSource(s: FreshnessSource) {
  source = s;
}

/** What the data, the build and the clock are now; null before the services started. */
export function freshnessToken(buildVersion: string): string | null {
  if (!source) return null;
  return `${buildVersion}|${source.dataVersion()}|${Math.floor(Date.now() / 60_000)}`;
}

/**
 * Called when a page was rendered with an ETag: remembers it for the early path, with the
 * token taken when its request arrived.
 */
export function rememberEtag(
  request: Request,
  etag: string,
  headers: Headers,
  token: string | null | undefined,
) {
  const url = new URL(request.url);
  if (!token || request.headers.has("Cookie") || !isKeptUrl(url)) return;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(url.pathname + url.search, { etag, token, headers: notModifiedHeaders(headers) });
}

function currentEntry(pathAndQuery: string, hasCookie: boolean, buildVersion: string) {
  if (hasCookie) return null;
  const entry = remembered.get(pathAndQuery);
  if (!entry || entry.token !== freshnessToken(buildVersion)) return null;
  return entry;
}

/** The ETag a cookie-less request for this URL would get now, when that is known; else null. */
export function currentEtag(
  pathAndQuery: string,
  hasCookie: boolean,
  buildVersion: string,
): string | null {
  return currentEntry(pathAndQuery, hasCookie, buildVersion)?.etag ?? null;
}

/**
 * For server.js: the headers of a 304 when the visitor's copy of this URL is still current,
 * else null (and the framework answers as usual).
 */
export function earlyNotModified(
  pathAndQuery: string,
  ifNoneMatch: string | undefined,
  hasCookie: boolean,
  buildVersion: string,
): Headers | null {
  if (!ifNoneMatch) return null;
  const entry = currentEntry(pathAndQuery, hasCookie, buildVersion);
  return entry && namesEtag(ifNoneMatch, entry.etag) ? entry.headers : null;
}
