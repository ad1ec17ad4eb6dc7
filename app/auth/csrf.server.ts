import { data } from "react-router";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * True when a state-changing request did not come from our own pages. SameSite=Lax already
 * keeps the session cookie off cross-site POSTs; this is the second lock, and it needs no
 * token in every form. Browsers send Sec-Fetch-Site (all current ones) or at least Origin on
 * every POST, so a request with neither is refused; command-line clients must send Origin.
 */
export function isCrossSiteRequest(request: Request, publicUrl: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;

  const fetchSite = request.headers.get("Sec-Fetch-Site");
  const origin = request.headers.get("Origin");
  if (fetchSite === null && origin === null) return true;

  // "none": the user started it (typed address, bookmark); "same-site" is a sibling
  // subdomain, which we don't trust any more than a stranger.
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") return true;

  if (origin !== null) {
    // Behind a reverse proxy the request URL can be the internal address, hence publicUrl.
    const allowed = [originOf(request.url), originOf(publicUrl)];
    if (origin === "null" || !allowed.includes(origin)) return true;
  }
  return false;
}

/** Throws 403 for a cross-site state-changing request; call first in every organiser action. */
export function assertSameOrigin(request: Request, publicUrl: string): void {
  if (isCrossSiteRequest(request, publicUrl)) {
    throw data({ title: "error.forbidden.title", body: "error.crossSite" }, { status: 403 });
  }
}
