import { expect, it } from "vitest";
import { closeQuestionStreams, questionEventStream, questionsChanged } from "./live.server";

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

it("streams one 'change' per burst of changes to that meeting's readers only", async () => {
  const abort = new AbortController();
  const response = questionEventStream(new Request("http://x/", { signal: abort.signal }), 41);
  const other = questionEventStream(new Request("http://x/"), 42);
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
