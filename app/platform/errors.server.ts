/**
 * What the server logs for an error in a loader, an action or a render (React Router's
 * handleError, exported from entry.server.tsx). React Router refuses a post whose Origin names
 * another site before any action runs, and hands that refusal here as an Error (with a stack
 * trace, and for a .data post only "Bad Request"): a cross-site form or someone probing, not a
 * fault of ours, so it gets one line.
 */
import { isRouteErrorResponse, type HandleErrorFunction } from "react-router";

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** React Router's own test: a post whose Origin is present and not the request's origin. */
function refusedAsCrossSite(request: Request): boolean {
  if (!MUTATIONS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("Origin");
  if (origin === null) return false;
  try {
    return new URL(origin).origin !== new URL(request.url).origin;
  } catch {
    // "null", or not a URL at all.
    return true;
  }
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  // The visitor went away; nothing to tell.
  if (request.signal.aborted) return;
  if (error instanceof Error && refusedAsCrossSite(request)) {
    // Quoted and cut short: the header is the visitor's text, it must not write log lines.
    const origin = JSON.stringify((request.headers.get("Origin") ?? "").slice(0, 200));
    const path = new URL(request.url).pathname;
    console.warn(`Refused a cross-site ${request.method} to ${path} (Origin ${origin})`);
    return;
  }
  // As React Router does without a handleError: an error response's own error, if it has one.
  const wrapped = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(wrapped ?? error);
};
