/**
 * Page work starts one request per turn of the event loop, in the order requests arrived
 * (ADR 0017). Express middleware for server.js, in front of the framework's handler.
 *
 * libuv accepts one new connection per turn of the loop. Without this, a busy server handles
 * every request that is ready in one long turn (50 open connections at 2 ms each: 100 ms), so
 * newcomers, the local paper's readers on fresh connections, were let in at ten a second
 * and waited seconds for their first page while the people already connected were served
 * again and again. Starting one request per turn keeps the turns short, so the server lets
 * new connections in at the rate it serves, and everyone waits in one queue.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

type Next = (error?: unknown) => void;

export function oneRequestPerTurn() {
  const waiting: { req: IncomingMessage; next: Next }[] = [];
  let scheduled = false;

  function startNext() {
    // Someone who gave up while waiting costs nothing: their connection is gone.
    let first = waiting.shift();
    while (first?.req.socket.destroyed) first = waiting.shift();
    scheduled = waiting.length > 0;
    // Scheduled before this one runs, so the next starts in the next turn, after the loop
    // has looked at the network again.
    if (scheduled) setImmediate(startNext);
    first?.next();
  }

  return (req: IncomingMessage, _res: ServerResponse, next: Next) => {
    waiting.push({ req, next });
    if (!scheduled) {
      scheduled = true;
      setImmediate(startNext);
    }
  };
}
