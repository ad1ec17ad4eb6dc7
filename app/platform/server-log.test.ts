// What the built server writes to its log (`npm run build` first): a loud warning when it runs
// on the development secret, and one line, not a stack trace, for a cross-site post.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { startServer } from "../testing/server";

const data = tempDatabase("folkemote.sqlite");
let log = "";
let base = "";
let stop: (() => void) | undefined;
let slug = "";

beforeAll(async () => {
  const id = createTestMeeting(data.db);
  slug = (data.db.prepare("SELECT slug FROM meetings WHERE id = ?").get(id) as { slug: string })
    .slug;
  // An empty value counts as unset (env.server.ts), whatever the test runner's environment holds.
  ({ base, stop } = await startServer(
    data.dir,
    { NODE_ENV: "development", SESSION_SECRET: "" },
    { onOutput: (text) => (log += text) },
  ));
});
afterAll(() => {
  stop?.();
  data.cleanup();
});

/** The log lines written while `act` ran (and a moment after, for the last line to arrive). */
async function linesDuring(act: () => Promise<unknown>): Promise<string[]> {
  const from = log.length;
  await act();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return log.slice(from).split("\n").filter(Boolean);
}

describe("the server's log", () => {
  it("warns at start that it runs on the secret published in the source", () => {
    const warning = log.split("\n").find((line) => line.includes("SESSION_SECRET"));
    expect(warning).toMatch(/^WARNING: SESSION_SECRET is not set/);
    expect(warning).toContain("published in the source code");
    expect(log.indexOf(warning!)).toBeLessThan(log.indexOf("listening on"));
  });

  it("gives a cross-site post one line, as a page post and as a .data post", async () => {
    const post = (path: string, origin: string) =>
      fetch(base + path, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=kari%40example.no&password=x",
      }).then(async (response) => {
        await response.arrayBuffer();
        expect(response.status, `${path} from ${origin}`).toBe(400);
      });
    for (const [path, origin] of [
      ["/admin/login", "https://evil.example"],
      ["/admin/login.data", "https://evil.example"],
      [`/meetings/${slug}`, "null"],
      [`/meetings/${slug}/questions/new`, "not a url\u00e6"],
    ] as const) {
      const lines = await linesDuring(() => post(path, origin));
      expect(lines, path).toEqual([
        `Refused a cross-site POST to ${path} (Origin ${JSON.stringify(origin)})`,
      ]);
    }
  });
});
