import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createTurns } from "./turns.server";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const request = (destroyed = false) => ({ socket: { destroyed } }) as IncomingMessage;
const response = {} as ServerResponse;
const NEVER = 1e12;

/** Holds the thread, as a batch of reminders does. */
function hold(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("turns", () => {
  it("starts one waiting request per turn of the event loop, first come first served", async () => {
    const turns = createTurns({ minGapMs: NEVER });
    const started: string[] = [];
    for (const name of ["a", "b", "c"]) turns.admit(request(), response, () => started.push(name));
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual(["a"]);
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
    // One arriving now waits behind the one already in line.
    turns.admit(request(), response, () => started.push("d"));
    await nextTurn();
    expect(started).toEqual(["a", "b", "c"]);
    await nextTurn();
    expect(started).toEqual(["a", "b", "c", "d"]);
  });

  it("skips requests whose connection closed while they waited", async () => {
    const turns = createTurns({ minGapMs: NEVER });
    const started: string[] = [];
    turns.admit(request(), response, () => started.push("a"));
    turns.admit(request(true), response, () => started.push("gone"));
    turns.admit(request(true), response, () => started.push("gone too"));
    turns.admit(request(), response, () => started.push("b"));
    await nextTurn();
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
    // Idle again: the next one starts in the next turn.
    turns.admit(request(), response, () => started.push("c"));
    await nextTurn();
    expect(started).toEqual(["a", "b", "c"]);
  });

  it("gives background work the turns no request wants", async () => {
    const turns = createTurns({ minGapMs: NEVER });
    const started: string[] = [];
    turns.admit(request(), response, () => started.push("a"));
    void turns.background().then(() => started.push("mail"));
    turns.admit(request(), response, () => started.push("b"));
    for (let i = 0; i < 4; i++) await nextTurn();
    expect(started).toEqual(["a", "b", "mail"]);
    // Alone, what may go at once goes in this turn.
    await turns.afterWaitingPages();
    started.push("mail 2");
    expect(started).toEqual(["a", "b", "mail", "mail 2"]);
    // A request arriving after it still waits for its own turn.
    turns.admit(request(), response, () => started.push("c"));
    expect(started).toEqual(["a", "b", "mail", "mail 2"]);
    await nextTurn();
    expect(started).toEqual(["a", "b", "mail", "mail 2", "c"]);
  });

  it("still gives background work a turn when it has waited long enough", async () => {
    // Due at once: the mail goes ahead of the requests waiting, then they follow.
    const turns = createTurns({ minGapMs: 0, backgroundShare: 1 });
    const started: string[] = [];
    turns.admit(request(), response, () => started.push("a"));
    void turns.background().then(() => started.push("mail"));
    turns.admit(request(), response, () => started.push("b"));
    for (let i = 0; i < 4; i++) await nextTurn();
    expect(started).toEqual(["mail", "a", "b"]);
  });

  it("keeps background work to its share of the loop while requests wait", async () => {
    const turns = createTurns({ backgroundShare: 0.25, minGapMs: 0 });
    const events: { what: string; at: number }[] = [];
    // Visitors keep coming: each request started brings the next.
    let requestsStarted = 0;
    let visitors = true;
    const visit = () =>
      turns.admit(request(), response, () => {
        requestsStarted++;
        if (visitors) visit();
      });
    visit();
    visit();
    const batch = (name: string) =>
      turns.background().then(() => {
        events.push({ what: `${name} start`, at: performance.now() });
        hold(20);
        events.push({ what: `${name} end`, at: performance.now() });
      });
    const first = batch("first");
    const second = batch("second");
    await first;
    const before = requestsStarted;
    await second;
    expect(events.map((e) => e.what)).toEqual([
      "first start",
      "first end",
      "second start",
      "second end",
    ]);
    // A 20 ms turn at a quarter share: pages have the loop for three times as long before the
    // next background turn, and requests were started all that time.
    expect(events[2]!.at - events[1]!.at).toBeGreaterThanOrEqual(60);
    expect(requestsStarted - before).toBeGreaterThan(0);
    visitors = false;
  });

  it("lets background work go back to back when no request waits", async () => {
    const turns = createTurns({ backgroundShare: 0.25, minGapMs: 0 });
    const done: string[] = [];
    const work = ["a", "b", "c"].map((name) =>
      turns.background().then(() => {
        hold(5);
        done.push(name);
      }),
    );
    let turnsTaken = 0;
    while (done.length < 3) {
      await nextTurn();
      turnsTaken++;
    }
    await Promise.all(work);
    // One a turn, none waiting for a share: nothing else wanted the loop.
    expect(done).toEqual(["a", "b", "c"]);
    expect(turnsTaken).toBeLessThanOrEqual(4);
  });

  it("runs long pieces side by side while no request waits", async () => {
    const turns = createTurns({ spreadShare: 0.5, minGapMs: 0 });
    const [a, b, c] = await Promise.all([turns.spread(), turns.spread(), turns.spread()]);
    // All three started without waiting for one another.
    a();
    b();
    c();
    const t0 = performance.now();
    (await turns.spread())();
    expect(performance.now() - t0).toBeLessThan(5);
  });

  it("while requests wait, runs one long piece at a time and pauses after each", async () => {
    const turns = createTurns({ spreadShare: 0.5, spreadMaxMs: 10, minGapMs: 0 });
    let visitors = true;
    let requestsStarted = 0;
    const visit = () =>
      turns.admit(request(), response, () => {
        requestsStarted++;
        if (visitors) setTimeout(visit, 0);
      });
    for (let i = 0; i < 3; i++) visit();
    const events: { what: string; at: number }[] = [];
    const piece = (name: string, ms: number) =>
      turns.spread().then(async (done) => {
        events.push({ what: `${name} start`, at: performance.now() });
        // Work spread over turns: the thread in part, waiting for an answer in part.
        hold(ms / 2);
        await new Promise((resolve) => setTimeout(resolve, ms / 2));
        events.push({ what: `${name} end`, at: performance.now() });
        done();
      });
    await Promise.all([piece("a", 10), piece("b", 10), piece("c", 160)]);
    visitors = false;
    const at = (what: string) => events.find((e) => e.what === what)!.at;
    // One at a time: each starts after the one before it ended…
    expect(events.map((e) => e.what)).toEqual([
      "a start",
      "a end",
      "b start",
      "b end",
      "c start",
      "c end",
    ]);
    // …and after a pause as long as it took (at most spreadMaxMs of it: on a busy machine the
    // 10 ms piece may take longer), at a half share.
    const took = at("a end") - at("a start");
    expect(at("b start") - at("a end")).toBeGreaterThanOrEqual(Math.min(took, 10) - 1);
    expect(requestsStarted).toBeGreaterThan(3);
    // What a piece took beyond spreadMaxMs does not lengthen the pause.
    const t0 = performance.now();
    visitors = true;
    visit();
    (await turns.spread())();
    visitors = false;
    // (Uncapped, the pause after c would be 160 ms.)
    expect(performance.now() - t0).toBeLessThan(120);
  });
});
