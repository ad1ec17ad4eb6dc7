/**
 * 2,000 live-update streams from one client at once (issue 14, point 5), against the built
 * server with a deployment's caps: 400 from one address stay open, the rest get 429 at once,
 * another address still gets its stream, the server keeps serving pages, and once the client
 * lets go every place is free again.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestMeeting } from "../db/testing";
import { portFor } from "../app/testing/ports";
import { startApp, type RunningApp } from "./support/app";

const STREAMS = 2_000;
let app: RunningApp;

beforeAll(async () => {
  app = await startApp({
    port: portFor(36),
    deployedLimits: true,
    // The second address comes in X-Forwarded-For, as behind the municipality's proxy.
    env: { TRUST_PROXY: "loopback" },
    prepare: (db) => void createTestMeeting(db, { slug: "streams" }),
  });
});
afterAll(async () => {
  await app?.cleanup();
});

const events = "/meetings/streams/questions/events";

async function open(abort: AbortController, headers: Record<string, string> = {}) {
  const response = await fetch(app.base + events, { signal: abort.signal, headers });
  if (response.status === 200) {
    // The first bytes: the stream is really open on the server.
    await response.body!.getReader().read();
  } else {
    await response.text();
  }
  return response.status;
}

it("keeps 400 streams from one address open, answers the rest 429 and keeps serving", async () => {
  const aborts = Array.from({ length: STREAMS }, () => new AbortController());
  const statuses = await Promise.all(aborts.map((a) => open(a)));
  expect(statuses.filter((s) => s === 200)).toHaveLength(400);
  expect(statuses.filter((s) => s === 429)).toHaveLength(STREAMS - 400);

  // The server still answers pages and another address's stream.
  expect((await fetch(`${app.base}/meetings/streams`)).status).toBe(200);
  const neighbour = new AbortController();
  expect(await open(neighbour, { "X-Forwarded-For": "198.51.100.20" })).toBe(200);
  neighbour.abort();

  // The client lets go: its places are free again.
  for (const a of aborts) a.abort();
  let again = 0;
  for (let i = 0; i < 100 && again !== 200; i++) {
    const retry = new AbortController();
    again = await open(retry);
    retry.abort();
    if (again !== 200) await new Promise((r) => setTimeout(r, 100));
  }
  expect(again).toBe(200);
});
