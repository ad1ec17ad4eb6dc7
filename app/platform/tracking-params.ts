/**
 * The parameters social networks, search ads and newsletters add to a shared link to follow
 * who clicked it: Facebook's `fbclid` on every click from a post, `utm_*` from a newsletter.
 * No page of ours reads them, yet each makes its address one no cache has seen, so every
 * visitor from the local paper's Facebook post would get a page rendered for them alone
 * (issue 20), and the identifier would stay in the address bar to be shared on. server.js
 * sends such a visit to the same address without them, before anything else answers.
 */
const TRACKING = new Set([
  "fbclid",
  "gclid",
  "gbraid",
  "wbraid",
  "dclid",
  "msclkid",
  "igshid",
  "twclid",
  "ttclid",
  "yclid",
  "li_fat_id",
  "srsltid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
]);

const isTracking = (name: string) => TRACKING.has(name) || name.startsWith("utm_");

/**
 * The path and query without tracking parameters, the others kept as they came, in their
 * order; null when there are none to take away. Also null for a path that starts with two
 * slashes: as a redirect's Location that would name another host.
 */
export function withoutTracking(pathAndQuery: string): string | null {
  const mark = pathAndQuery.indexOf("?");
  if (mark === -1) return null;
  const path = pathAndQuery.slice(0, mark);
  if (!path.startsWith("/") || /^\/[/\\]/.test(path)) return null;
  const pairs = pathAndQuery.slice(mark + 1).split("&");
  // Each pair's name as the platform decodes it; the pair itself is kept byte for byte.
  const kept = pairs.filter((pair) => {
    const name = new URLSearchParams(pair).keys().next().value;
    return name === undefined || !isTracking(name);
  });
  if (kept.length === pairs.length) return null;
  const query = kept.filter((pair) => pair !== "").join("&");
  return query ? `${path}?${query}` : path;
}
