import { describe, expect, it } from "vitest";
import {
  closeQuestionStreams,
  openStreamCounts,
  questionEventStream,
  questionsChanged,
  type StreamReader,
} from "./live.server";

async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  text: string,
  timeoutMs = 2000,
) {
  const decoder = new TextDecoder();
  let seen = "";
  const deadline = Date.now() + timeoutMs;
  while (!seen.includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in ${JSON.stringify(seen)}`);
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value);
  }
  return seen;
}

const citizen = (address = "192.0.2.1"): StreamReader => ({ audience: "everyone", address });
const organiser: StreamReader = { audience: "organisers", organiserId: 7 };
const limits = { perAddress: 3, total: 5, perOrganiser: 2 };

it("streams one 'change' per burst of changes to that meeting's readers only", async () => {
  const abort = new AbortController();
  const response = questionEventStream(
    new Request("http://x/", { signal: abort.signal }),
    41,
    citizen(),
  );
  const other = questionEventStream(new Request("http://x/"), 42, citizen());
  expect(response.headers.get("Content-Type")).toBe("text/event-stream; charset=utf-8");
  expect(response.headers.get("Cache-Control")).toContain("no-transform");
  const reader = response.body!.getReader();
  expect(await readUntil(reader, ": open")).toContain("retry: 3000");

  for (let i = 0; i < 20; i++) questionsChanged(41);
  const burst = await readUntil(reader, "event: change");
  expect(burst.match(/event: change/g)).toHaveLength(1);

  const otherReader = other.body!.getReader();
  await readUntil(otherReader, ": open");
  closeQuestionStreams();
  // Closed at shutdown, without a change for meeting 42 ever being sent.
  const rest = await readUntil(otherReader, "\u0000", 500).catch((e: Error) => e.message);
  expect(rest).not.toContain("event: change");
  abort.abort();
});

it("tells organisers of a question waiting for moderation, and the public not", async () => {
  const publicReader = questionEventStream(
    new Request("http://x/"),
    43,
    citizen(),
  ).body!.getReader();
  const organiserReader = questionEventStream(
    new Request("http://x/"),
    43,
    organiser,
  ).body!.getReader();
  await readUntil(publicReader, ": open");
  await readUntil(organiserReader, ": open");
  questionsChanged(43, "organisers");
  await readUntil(organiserReader, "event: change");
  // Then a public change: the first thing the public stream gets is this one.
  questionsChanged(43, "everyone");
  await readUntil(organiserReader, "event: change");
  const seen = await readUntil(publicReader, "event: change");
  expect(seen.match(/event: change/g)).toHaveLength(1);
  closeQuestionStreams();
});

describe("caps on open streams", () => {
  it("answers 429 past the cap per address, and takes one again once a stream closes", async () => {
    const aborts = [1, 2, 3].map(() => new AbortController());
    const open = aborts.map((a) =>
      questionEventStream(new Request("http://x/", { signal: a.signal }), 44, citizen(), {
        limits,
      }),
    );
    expect(open.map((r) => r.status)).toEqual([200, 200, 200]);
    const refused = questionEventStream(new Request("http://x/"), 44, citizen(), { limits });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("laster den inn på nytt");
    // Another address in the same hall is not held back by this one.
    expect(
      questionEventStream(new Request("http://x/"), 44, citizen("192.0.2.2"), { limits }).status,
    ).toBe(200);

    aborts[0]!.abort();
    const again = questionEventStream(new Request("http://x/"), 44, citizen(), { limits });
    expect(again.status).toBe(200);
    closeQuestionStreams();
    expect(openStreamCounts().public).toBe(0);
  });

  it("answers 429 past the cap in all, and never counts organisers' streams against the public", () => {
    const addresses = ["a", "b", "c", "d", "e"].map((x) => `198.51.100.${x.charCodeAt(0)}`);
    for (const address of addresses) {
      expect(
        questionEventStream(new Request("http://x/"), 45, citizen(address), { limits }).status,
      ).toBe(200);
    }
    expect(
      questionEventStream(new Request("http://x/"), 45, citizen("203.0.113.9"), { limits }).status,
    ).toBe(429);
    // The moderators still see their queue while the public's streams are full.
    expect(questionEventStream(new Request("http://x/"), 45, organiser, { limits }).status).toBe(
      200,
    );
    expect(questionEventStream(new Request("http://x/"), 45, organiser, { limits }).status).toBe(
      200,
    );
    expect(questionEventStream(new Request("http://x/"), 45, organiser, { limits }).status).toBe(
      429,
    );
    closeQuestionStreams();
    expect(openStreamCounts()).toEqual({ public: 0, byKey: new Map() });
  });
});
