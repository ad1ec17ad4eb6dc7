import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createTurns } from "./turns.server";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const request = (destroyed = false) => ({ socket: { destroyed } }) as IncomingMessage;
const response = {} as ServerResponse;
const NEVER = 1e12;

describe("turns", () => {
  it("starts one waiting request per turn of the event loop, first come first served", async () => {
    const turns = createTurns(NEVER);
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
    const turns = createTurns(NEVER);
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
    const turns = createTurns(NEVER);
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
    const turns = createTurns(0);
    const started: string[] = [];
    turns.admit(request(), response, () => started.push("a"));
    void turns.background().then(() => started.push("mail"));
    turns.admit(request(), response, () => started.push("b"));
    for (let i = 0; i < 4; i++) await nextTurn();
    expect(started).toEqual(["mail", "a", "b"]);
  });
});
