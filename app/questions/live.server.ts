import { EventEmitter } from "node:events";

/**
 * "Something about this meeting's questions changed": the in-process signal behind the
 * server-sent events that keep the public list and the presenter view fresh. It carries no
 * data (pages reload their own, with their own access rules), so one stream per meeting can
 * serve citizens and organisers alike. One server process serves the app (ADR 0004), so an
 * in-memory emitter is enough.
 */

interface Live {
  emitter: EventEmitter;
  closers: Set<() => void>;
  /** Meetings with a "change" about to go out. */
  due: Map<number, NodeJS.Timeout>;
}

// On globalThis so dev reloads share one emitter with the streams already open.
const holder = globalThis as typeof globalThis & { __folkemoteLive?: Live };

function live(): Live {
  if (!holder.__folkemoteLive) {
    const emitter = new EventEmitter();
    // Every open page listens; a full hall is a few hundred phones.
    emitter.setMaxListeners(0);
    holder.__folkemoteLive = { emitter, closers: new Set(), due: new Map() };
    // server.js waits for open requests before it stops; open streams would hold it 10 s.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, closeQuestionStreams);
  }
  return holder.__folkemoteLive;
}

/**
 * Says "changed" for a meeting, at most every 250 ms: a hall full of phones supporting at once
 * becomes one reload per open page, not one per click.
 */
export function questionsChanged(meetingId: number) {
  const state = live();
  if (state.due.has(meetingId)) return;
  const timer = setTimeout(() => {
    state.due.delete(meetingId);
    state.emitter.emit(`meeting:${meetingId}`);
  }, 250);
  timer.unref();
  state.due.set(meetingId, timer);
}

export function onQuestionsChanged(meetingId: number, listener: () => void): () => void {
  const { emitter } = live();
  emitter.on(`meeting:${meetingId}`, listener);
  return () => emitter.off(`meeting:${meetingId}`, listener);
}

/**
 * A text/event-stream response that sends "change" whenever the meeting's questions change,
 * a comment every 25 s so proxies keep it open, and ends after `maxMs` (the browser's
 * EventSource reconnects by itself) or at shutdown.
 */
export function questionEventStream(
  request: Request,
  meetingId: number,
  { maxMs = 5 * 60_000, heartbeatMs = 25_000 } = {},
): Response {
  const encoder = new TextEncoder();
  const state = live();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const stop = onQuestionsChanged(meetingId, () => send("event: change\ndata: {}\n\n"));
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), heartbeatMs);
      const limit = setTimeout(() => close(), maxMs);
      heartbeat.unref();
      limit.unref();
      close = () => {
        if (closed) return;
        closed = true;
        stop();
        clearInterval(heartbeat);
        clearTimeout(limit);
        state.closers.delete(close);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      state.closers.add(close);
      request.signal.addEventListener("abort", () => close());
      // Tell the browser how soon to reconnect, and that the stream is open.
      send("retry: 3000\n: open\n\n");
    },
    cancel() {
      close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: the compression middleware would otherwise buffer the stream.
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

/** Ends every open stream, so a graceful shutdown does not wait for them. */
export function closeQuestionStreams() {
  for (const close of [...live().closers]) close();
}
