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
 * else gets to run between batches. So that a flood of visitors cannot hold the mail back for
 * good, while requests wait background work still gets a share of the loop
 * (`backgroundShare`): after a background turn that held the thread for t ms, the next one
 * waits t × (1 − share) / share, so a 20 ms batch of reminders lets pages have the next 60 ms
 * at a quarter.
 *
 * A mail is work of another shape (spread): its turn renders it, and then nodemailer builds
 * and streams it in callbacks over many turns, about 2 ms of the thread in all, none of which
 * a turn's length shows. Ten of them side by side took four fifths of the loop from a page
 * load (ADR 0022). So while pages wait, mails go one at a time, each followed by a pause as
 * long as it took (a half share, counting at most `spreadMaxMs` of it: the rest is waiting for
 * the SMTP server); when no page waits they go side by side, as many as the mail worker has
 * lanes.
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
  /**
   * For work that goes on over many turns once started, in callbacks no turn accounts for (a
   * mail: rendered, then its SMTP conversation). While page requests wait (or waited in the
   * last `busyMemoryMs`), one such piece runs at a time, and the next starts only after a
   * pause of what the last one took times (1 − share) / share (`spreadShare`); otherwise
   * pieces start at once, side by side. Starts as afterWaitingPages does; call the function
   * it resolves with when the piece is done.
   */
  spread(): Promise<() => void>;
}

export function createTurns({
  backgroundShare = 0.25,
  spreadShare = 0.5,
  spreadMaxMs = 20,
  busyMemoryMs = 100,
  minGapMs = 1,
}: {
  /** At most this part of the loop goes to background work while requests wait. */
  backgroundShare?: number;
  /** The same for spread() work, measured by the time from its start to its end… */
  spreadShare?: number;
  /** …counting at most this long of it. */
  spreadMaxMs?: number;
  /** spread() paces its pieces until this long after a request last waited. */
  busyMemoryMs?: number;
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
  // spread(): whether a paced piece runs (and who waits for it to end), and when the next may
  // start.
  let spreadHeld = false;
  let spreadWaiting: (() => void)[] = [];
  let spreadFreeAt = 0;
  // When a request last had to wait for its turn. Under load the queue empties for a moment
  // between arrivals; pages count as waiting for a while after.
  let requestsWaitedAt = -Infinity;
  const pagesBusy = () =>
    requests.length > 0 || performance.now() - requestsWaitedAt < busyMemoryMs;

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
    if (requests.length > 0) requestsWaitedAt = now;
    if (backgroundsTurn) backgroundStarted = now;
    // Scheduled before this one runs, so the next starts in the next turn, after the loop has
    // looked at the network again; after background work always, to see how long it held.
    if (backgroundsTurn || requests.length > 0 || backgroundWork.length > 0) schedule();
    next?.();
  }

  function afterWaitingPages() {
    // Nothing waits: no reason to give up the rest of this turn.
    if (requests.length === 0 && backgroundWork.length === 0) return Promise.resolve();
    return background();
  }

  async function spread() {
    let paced = false;
    for (;;) {
      if (!spreadHeld && !pagesBusy()) break;
      const now = performance.now();
      if (!spreadHeld && now >= spreadFreeAt) {
        spreadHeld = paced = true;
        break;
      }
      // Woken when the running piece ends, or when the pause after it is over.
      await new Promise<void>((resolve) =>
        spreadHeld
          ? spreadWaiting.push(resolve)
          : setTimeout(resolve, Math.max(minGapMs, spreadFreeAt - now)),
      );
    }
    await afterWaitingPages();
    const started = performance.now();
    return () => {
      if (!paced) return;
      const ended = performance.now();
      spreadHeld = false;
      // What a piece took beyond spreadMaxMs is waiting (an SMTP server's answer, a rate
      // limit), not the thread's: it does not lengthen the pause.
      const took = Math.min(ended - started, spreadMaxMs);
      spreadFreeAt = ended + (took * (1 - spreadShare)) / spreadShare;
      const waiting = spreadWaiting;
      spreadWaiting = [];
      for (const wake of waiting) wake();
    };
  }

  return {
    admit(req, _res, next) {
      requests.push({ req, next });
      schedule();
    },
    background,
    afterWaitingPages,
    spread,
  };
}

/** The server's queue: pages from server.js; mail rendering and reminder batches behind them. */
export const serverTurns = createTurns();
