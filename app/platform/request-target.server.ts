/**
 * The request line's target as the rest of the server expects it: a path ("origin-form")
 * whose percent-encoding decodes. HTTP/1.1 also allows a whole URL there ("absolute-form",
 * which a server must accept; proxies send it) and `*` for a server-wide OPTIONS. Both
 * reached the framework as they were, which made a URL of the host and the target and failed
 * with a 500. Anything else gets 400 with a page in the visitor's language. Express
 * middleware for server.js, right after the security headers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendPlainPage } from "./plain-page.server";

type Next = (error?: unknown) => void;

/** What the server answers to OPTIONS, for itself and for any page. */
const ALLOWED = "GET, HEAD, POST";

export function originForm() {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const target = req.url ?? "";
    if (target.startsWith("/")) return decodable(target) ? next() : badRequest(req, res);
    if (target === "*" && req.method === "OPTIONS") {
      res.statusCode = 204;
      res.setHeader("Allow", ALLOWED);
      return res.end();
    }
    if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
      const url = new URL(target);
      // Express took its originalUrl from the request line before any middleware ran.
      const path = url.pathname + url.search;
      Object.assign(req, { url: path, originalUrl: path });
      return decodable(path) ? next() : badRequest(req, res);
    }
    badRequest(req, res);
  };
}

/**
 * False when the path's percent-encoding is broken ("/%ZZ", a UTF-8 sequence cut short): no
 * route can be matched to it, and the framework answered such a path with its 404 page.
 */
function decodable(target: string): boolean {
  const query = target.indexOf("?");
  const path = query === -1 ? target : target.slice(0, query);
  return !path.includes("%") || decoded(path) !== null;
}

// The decoded text is returned, not thrown away: the bundler drops a call whose result is
// unused as if it could not throw.
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function badRequest(req: IncomingMessage, res: ServerResponse) {
  sendPlainPage(req, res, 400, "error.badRequest.title");
}
