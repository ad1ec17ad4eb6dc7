/**
 * "Something about this meeting's questions changed": the in-process signal behind the
 * server-sent events that keep the public list, the moderation queue and the projector fresh.
 * It carries no data (pages reload their own, with their own access rules). One server process
 * serves the app (ADR 0004), so an in-memory emitter is enough.
 *
 * Two audiences: a change the public can see (a question approved, supported, put on the
 * screen) goes to everyone; a change only organisers can see (a new question waiting for
 * moderation, an asker editing one that waits) goes only to the organisers' streams, so a hall
 * full of phones sending questions does not make every phone reload its list.
 *
 * Every open stream holds a socket and some memory, so they are capped per client address and
 * in total (public streams), and per organiser (theirs); over a cap the answer is a 429, which
 * makes the browser's EventSource stop for good (it reconnects only after a 200 that ends), and
 * the page says it updates on reload.
 */
import { EventEmitter } from "node:events";
import { env } from "../platform/env.server";

export type Audience = "everyone" | "organisers";

/** Who holds a stream: the public (counted by address) or an organiser (counted by account). */
export type StreamReader =
  { audience: "everyone"; address: string } | { audience: "organisers"; organiserId: number };

interface Live {
  emitter: EventEmitter;
  closers: Set<() => void>;
  /** Meeting and audience pairs with a "change" about to go out. */
  due: Map<string, NodeJS.Timeout>;
  /** Open streams per address ("ip:…") or organiser ("organiser:…"). */
  open: Map<string, number>;
  /** Open public streams in all. */
  openPublic: number;
}

// On globalThis so dev reloads share one emitter with the streams already open.
const holder = globalThis as typeof globalThis & { __folkemoteLive?: Live };

function live(): Live {
  if (!holder.__folkemoteLive) {
    const emitter = new EventEmitter();
    // Every open page listens; a full hall is a few hundred phones.
    emitter.setMaxListeners(0);
    holder.__folkemoteLive = {
      emitter,
      closers: new Set(),
      due: new Map(),
      open: new Map(),
      openPublic: 0,
    };
    // server.js waits for open requests before it stops; open streams would hold it 10 s.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, closeQuestionStreams);
  }
  return holder.__folkemoteLive;
}

const channel = (meetingId: number, audience: Audience) => `meeting:${meetingId}:${audience}`;

/**
 * Says "changed" for a meeting, at most every 250 ms per audience: a hall full of phones
 * supporting at once becomes one reload per open page, not one per click. "organisers" is for
 * changes the public cannot see.
 */
export function questionsChanged(meetingId: number, audience: Audience = "everyone") {
  const state = live();
  const name = channel(meetingId, audience);
  if (state.due.has(name)) return;
  const timer = setTimeout(() => {
    state.due.delete(name);
    state.emitter.emit(name);
  }, 250);
  timer.unref();
  state.due.set(name, timer);
}

/** Listens to what this audience may learn of; organisers hear every change. */
function onQuestionsChanged(
  meetingId: number,
  audience: Audience,
  listener: () => void,
): () => void {
  const { emitter } = live();
  const names =
    audience === "organisers"
      ? [channel(meetingId, "everyone"), channel(meetingId, "organisers")]
      : [channel(meetingId, "everyone")];
  for (const name of names) emitter.on(name, listener);
  return () => {
    for (const name of names) emitter.off(name, listener);
  };
}

export interface StreamLimits {
  /** Public streams from one address: a hall of phones on one Wi-Fi shares it. */
  perAddress: number;
  /** Public streams in all. */
  total: number;
  /** One organiser's streams (tabs: the queue, the control view, the projector). */
  perOrganiser: number;
}

const streamLimits = (): StreamLimits => ({
  perAddress: env().LIVE_STREAMS_PER_ADDRESS,
  total: env().LIVE_STREAMS_MAX,
  perOrganiser: 20,
});

/**
 * Takes a place for one more stream, or says which cap it would pass. Organisers' streams are
 * counted apart from the public's, so a hall filling its address's cap never blinds the
 * moderators sitting in it.
 */
function claim(state: Live, reader: StreamReader, limits: StreamLimits): string | null {
  const key =
    reader.audience === "everyone" ? `ip:${reader.address}` : `organiser:${reader.organiserId}`;
  const open = state.open.get(key) ?? 0;
  if (reader.audience === "everyone") {
    if (open >= limits.perAddress || state.openPublic >= limits.total) return null;
    state.openPublic++;
  } else if (open >= limits.perOrganiser) {
    return null;
  }
  state.open.set(key, open + 1);
  return key;
}

function release(state: Live, reader: StreamReader, key: string) {
  const open = (state.open.get(key) ?? 1) - 1;
  if (open > 0) state.open.set(key, open);
  else state.open.delete(key);
  if (reader.audience === "everyone") state.openPublic--;
}

/** How many streams are open (for tests and the health of the process). */
export function openStreamCounts() {
  const state = live();
  return { public: state.openPublic, byKey: new Map(state.open) };
}

/** The answer over a cap: the browser's EventSource stops for good on any status but 200. */
function tooManyStreams(): Response {
  return new Response(
    "For mange åpne direktevisninger. Siden oppdateres når du laster den inn på nytt.\n",
    {
      status: 429,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": "60",
      },
    },
  );
}

/**
 * A text/event-stream response that sends "change" whenever the meeting's questions change
 * (as far as this reader may see), a comment every 25 s so proxies keep it open, and ends
 * after `maxMs` (the browser's EventSource reconnects by itself) or at shutdown. Over a cap,
 * a 429 instead.
 */
export function questionEventStream(
  request: Request,
  meetingId: number,
  reader: StreamReader,
  {
    maxMs = 5 * 60_000,
    heartbeatMs = 25_000,
    limits = streamLimits(),
  }: { maxMs?: number; heartbeatMs?: number; limits?: StreamLimits } = {},
): Response {
  const state = live();
  // A client that has gone already takes no place (its abort event has fired).
  if (request.signal.aborted) return new Response(null, { status: 204 });
  const key = claim(state, reader, limits);
  if (key === null) return tooManyStreams();
  const encoder = new TextEncoder();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const stop = onQuestionsChanged(meetingId, reader.audience, () =>
        send("event: change\ndata: {}\n\n"),
      );
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
        release(state, reader, key);
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
