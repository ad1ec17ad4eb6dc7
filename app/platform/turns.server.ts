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
 * (afterWaitingPages). So that a flood of visitors cannot hold the mail back for good, while
 * requests wait background work still gets a share of the loop (`backgroundShare`): after a
 * background turn that held the thread for t ms, the next one waits t × (1 − share) / share,
 * so a 20 ms batch of reminders lets pages have the next 60 ms at a quarter, and a mail that
 * costs half a millisecond goes again after a page or two.
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

export function createTurns({
  backgroundShare = 0.25,
  minGapMs = 1,
}: {
  /** At most this part of the loop goes to background work while requests wait. */
  backgroundShare?: number;
  /** And at least this long between two background turns while requests wait. */
  minGapMs?: number;
} = {}): Turns {
  const requests: { req: IncomingMessage; next: Next }[] = [];
  const backgroundWork: (() => void)[] = [];
  let scheduled = false;
  // When the last background turn began, and when the loop came back from it (the next turn):
  // the time between is what it held the thread, its own callbacks and the I/O polled since.
  let backgroundStarted: number | null = null;
  let backgroundEnded = performance.now();
  let backgroundWait = minGapMs;

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
    if (backgroundStarted !== null) {
      const held = now - backgroundStarted;
      backgroundStarted = null;
      backgroundEnded = now;
      backgroundWait = Math.max(minGapMs, (held * (1 - backgroundShare)) / backgroundShare);
    }
    const backgroundsTurn =
      backgroundWork.length > 0 &&
      (requests.length === 0 || now - backgroundEnded >= backgroundWait);
    const next = backgroundsTurn ? backgroundWork.shift() : nextRequest();
    if (backgroundsTurn) backgroundStarted = now;
    // Scheduled before this one runs, so the next starts in the next turn, after the loop has
    // looked at the network again; after background work always, to see how long it held.
    if (backgroundsTurn || requests.length > 0 || backgroundWork.length > 0) schedule();
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
