/**
 * Every path to one of our own pages is made with React Router's `href()`, which typegen checks
 * against app/routes.ts (a renamed route or a missing param fails `npm run typecheck`); ESLint
 * refuses hand-built ones. Query strings and fragments are appended after `href()`.
 *
 * Encoding: `href()` in react-router 7.18 puts param values into the path as they are; later
 * releases percent-encode them. Our params never need it, by construction: slugs match
 * meetingSchema's /^[a-z0-9]+(-[a-z0-9]+)*$/ (a duplicate only appends "-kopi-N", a slug made
 * from a title is written in that alphabet and may append "-N"), tokens are
 * base64url (tokens.server.ts), ids are integers, and an update link's purpose is one of two
 * words. A route that echoes a token from its URL into a redirect has first found it in the
 * database, so it is one we issued. So params go into `href()` unencoded, and nothing calls
 * encodeURIComponent on them: the URL is the same with either release, and is never encoded
 * twice. A param that could hold free text would break this rule; give it a safe form first.
 */

/**
 * An absolute URL for mails, calendar files, QR codes and the feed: PUBLIC_URL (kept without a
 * trailing slash by env.server.ts) joined with a path from `href()`.
 */
export function absoluteUrl(publicUrl: string, path: string): string {
  return publicUrl.replace(/\/+$/, "") + path;
}

/**
 * A request's path as the router matches it, however the client wrote it. `new URL` resolves
 * dot segments (`/admin/../`, `/%2e%2e/`) and reads `\` as `/` (the adapter builds the
 * request's URL that way); React Router then decodes each segment, an encoded slash staying
 * inside its segment, and ignores case; a `.data` request is for the page's own route. Every
 * rule chosen by path (body limits, kept pages, the organisers' language) asks this path, so a
 * request cannot get one rule at the door and reach another route inside.
 */
function routedPath(pathOrUrl: string): string {
  const { pathname } = new URL(pathOrUrl, "http://local");
  let decoded = pathname;
  try {
    decoded = pathname
      .split("/")
      .map((segment) => decodeURIComponent(segment).replaceAll("/", "%2F"))
      .join("/");
  } catch {
    // A malformed escape: the router, too, matches the path as it came.
  }
  return decoded.toLowerCase().replace(/\.data$/, "");
}

// Prefix matches on request paths, which href() (it builds whole paths) cannot express: the
// one place that says which requests are organisers' and which are a citizen's own.
/* eslint-disable no-restricted-syntax */

/** The organisers' app (/admin and below), login and first-run setup included. */
export function isOrganiserPath(pathOrUrl: string): boolean {
  const path = routedPath(pathOrUrl);
  return path === "/admin" || path.startsWith("/admin/");
}

/** Login and first-run setup: the organisers' pages anyone may open. */
export function isOpenOrganiserPath(pathOrUrl: string): boolean {
  const path = routedPath(pathOrUrl);
  return path === "/admin/login" || path.startsWith("/admin/setup/");
}

/** Pages anyone may share and cache: not the organisers', not a personal /r/ link. */
export const isSharedPath = (pathOrUrl: string) =>
  !isOrganiserPath(pathOrUrl) && !routedPath(pathOrUrl).startsWith("/r/");

/**
 * Pages answered early and kept (conditional-get.server.ts, page-cache.server.ts): shared ones,
 * at an address without a query string. A query is a passing state (`?sent=1`, a sort order)
 * or a parameter no page reads; keeping each would let a flood of made-up ones push the pages
 * everyone asks for out of the cache, and the memory with them.
 */
export const isKeptUrl = (url: URL) => url.search === "" && isSharedPath(url.pathname);

/* eslint-enable no-restricted-syntax */
