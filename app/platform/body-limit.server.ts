/**
 * Request bodies are refused above a small limit before they are read: a 300 MB form post
 * used to be read whole (and parsed) before anything looked at it. Express middleware for
 * server.js, so it stands in front of every route.
 *
 * Public forms are a few hundred bytes; organiser pages get more, for uploads. Login and
 * first-run setup are open to anyone, so they get the public limit.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isOpenOrganiserPath, isOrganiserPath } from "./paths";
import { sendPlainPage } from "./plain-page.server";

export interface BodyLimits {
  publicBytes: number;
  adminBytes: number;
}

type Next = (error?: unknown) => void;

/** The limit for a request path (or URL), chosen by the route the router will match. */
export function limitFor(path: string, limits: BodyLimits): number {
  return isOrganiserPath(path) && !isOpenOrganiserPath(path)
    ? limits.adminBytes
    : limits.publicBytes;
}

class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
}

export function limitBodies(limits: BodyLimits) {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const limit = limitFor(req.url ?? "/", limits);
    const declared = req.headers["content-length"];
    // Content-Length frames the body in HTTP/1.1: a body can never be longer than declared.
    if (declared !== undefined && Number(declared) > limit) return refuse(req, res);
    if (declared === undefined && req.headers["transfer-encoding"] === undefined) return next();

    // Chunked, or a length within the limit: count what arrives as the app reads it.
    let seen = 0;
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= limit) return;
      req.off("data", count);
      // The app's reader must fail here, not parse a body cut short, so the action stores
      // nothing. Its listener is attached: the stream flows only once the app reads.
      if (req.listenerCount("error") > 0) req.emit("error", new BodyTooLarge());
      refuse(req, res);
    };
    req.on("data", count);
    // Paused until the app's reader resumes it, so no chunk passes before it listens too.
    req.pause();
    next();
  };
}

/**
 * How long the rest of a refused body may still arrive (and be thrown away) before the
 * connection is cut. Cutting at once would make the client's kernel drop our 413 (a reset
 * discards what it has not read yet), so the client would only see a broken connection.
 */
const LINGER_MS = 1000;

/** 413 with a short page in the visitor's language; nothing more of the body is kept. */
function refuse(req: IncomingMessage, res: ServerResponse) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.once("finish", () => {
    const socket = req.socket;
    if (req.complete) return;
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    cut.unref();
    req.once("end", () => clearTimeout(cut));
  });
  sendPlainPage(req, res, 413, "error.tooLarge.title", "error.tooLarge.body");
}
