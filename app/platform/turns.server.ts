/**
 * Work on the server's one thread, one piece per turn of the event loop (ADR 0017).
 *
 * Pages: libuv accepts one new connection per turn of the loop. Without a queue, a busy server
 * handles every request that is ready in one long turn (50 open connections at 2 ms: 100 ms),
 * so newcomers, the local paper's readers on fresh connections, were let in at ten a second
 * and waited seconds for their first page while the people already connected were served
 * again and again. Starting one request per turn keeps the turns short, so the server lets
 * new connections in at the rate it serves, and everyone waits in one queue, first come first
 * served. (Express middleware for server.js, in front of the framework's handler.)
 *
 * Background work waits for a turn no page request wants: people waiting for a page come
 * first. A batch of reminders always takes a turn of its own (background), so that everything
 * else gets to run between batches; rendering a mail goes at once when no page request waits
 * (afterWaitingPages). So that a flood of visitors cannot hold the mail back for good, it
 * still gets a turn every `backgroundEveryMs` while requests wait.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";

type Next = (error?: unknown) => void;

export interface Turns {
  /** Express middleware: the request's work starts in its turn. */
  admit(req: IncomingMessage, res: ServerResponse, next: Next): void;
  /** Resolves in a turn of its own, after the page requests waiting. */
  background(): Promise<void>;
  /** Resolves at once when no page request waits, else as background() does. */
  afterWaitingPages(): Promise<void>;
}

export function createTurns(backgroundEveryMs = 50): Turns {
  const requests: { req: IncomingMessage; next: Next }[] = [];
  const backgroundWork: (() => void)[] = [];
  let scheduled = false;
  let lastBackground = performance.now();

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(startNext);
  }

  function nextRequest() {
    let first = requests.shift();
    // Someone who gave up while waiting costs nothing: their connection is gone.
    while (first?.req.socket.destroyed) first = requests.shift();
    return first?.next;
  }

  function background() {
    return new Promise<void>((resolve) => {
      backgroundWork.push(resolve);
      schedule();
    });
  }

  function startNext() {
    scheduled = false;
    const now = performance.now();
    const backgroundsTurn =
      backgroundWork.length > 0 &&
      (requests.length === 0 || now - lastBackground >= backgroundEveryMs);
    const next = backgroundsTurn ? backgroundWork.shift() : nextRequest();
    if (backgroundsTurn) lastBackground = now;
    // Scheduled before this one runs, so the next starts in the next turn, after the loop has
    // looked at the network again.
    if (requests.length > 0 || backgroundWork.length > 0) schedule();
    next?.();
  }

  return {
    admit(req, _res, next) {
      requests.push({ req, next });
      schedule();
    },
    background,
    afterWaitingPages() {
      // Nothing waits: no reason to give up the rest of this turn.
      if (requests.length === 0 && backgroundWork.length === 0) return Promise.resolve();
      return background();
    },
  };
}

/** The server's queue: pages from server.js; mail rendering and reminder batches behind them. */
export const serverTurns = createTurns();
