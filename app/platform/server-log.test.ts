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

/**
 * The log lines `act` made the server write. Then one more refused post, as a marker: the
 * server logs it on the same stream after whatever `act` caused, so once it has arrived,
 * everything before it has too.
 */
async function linesDuring(act: () => Promise<unknown>): Promise<string[]> {
  const from = log.length;
  await act();
  const marker = `https://marker-${Math.random().toString(36).slice(2)}.example`;
  const response = await fetch(`${base}/admin/login`, {
    method: "POST",
    headers: { Origin: marker, "Content-Type": "application/x-www-form-urlencoded" },
    body: "email=kari%40example.no&password=x",
  });
  await response.arrayBuffer();
  for (let i = 0; !log.slice(from).includes(marker); i++) {
    if (i > 200) throw new Error("the server never logged the marker post");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const lines = log.slice(from).split("\n").filter(Boolean);
  return lines.slice(
    0,
    lines.findIndex((line) => line.includes(marker)),
  );
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
