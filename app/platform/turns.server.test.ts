import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { oneRequestPerTurn } from "./turns.server";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const request = (destroyed = false) => ({ socket: { destroyed } }) as IncomingMessage;
const response = {} as ServerResponse;

describe("oneRequestPerTurn", () => {
  it("starts one waiting request per turn of the event loop, first come first served", async () => {
    const gate = oneRequestPerTurn();
    const started: string[] = [];
    for (const name of ["a", "b", "c"]) gate(request(), response, () => started.push(name));
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual(["a"]);
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
    // One arriving now waits behind the one already in line.
    gate(request(), response, () => started.push("d"));
    await nextTurn();
    expect(started).toEqual(["a", "b", "c"]);
    await nextTurn();
    expect(started).toEqual(["a", "b", "c", "d"]);
  });

  it("skips requests whose connection closed while they waited", async () => {
    const gate = oneRequestPerTurn();
    const started: string[] = [];
    gate(request(), response, () => started.push("a"));
    gate(request(true), response, () => started.push("gone"));
    gate(request(true), response, () => started.push("gone too"));
    gate(request(), response, () => started.push("b"));
    await nextTurn();
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
    // Idle again: the next one starts in the next turn.
    gate(request(), response, () => started.push("c"));
    await nextTurn();
    expect(started).toEqual(["a", "b", "c"]);
  });
});
