// Live-update streams against the built server (`npm run build` first): open streams are
// capped per address and in all, a stream over the cap is a 429 the browser's EventSource
// gives up on, and the organisers' stream needs their session and is never crowded out.
import { afterAll, describe, expect, it } from "vitest";
import { insertOrganiser } from "../../db/organisers";
import { createTestMeeting } from "../../db/testing";
import { hashPassword } from "../auth/password.server";
import { serveThisFile } from "../testing/served";
import { logInOverHttp } from "../testing/server";

const PASSWORD = "Fjellvettreglene-på-Røros-2026";
let meetingId = 0;
let slug = "";
const env = serveThisFile({
  // Each test client names its address in X-Forwarded-For, as behind the municipality's proxy.
  vars: { LIVE_STREAMS_PER_ADDRESS: "3", LIVE_STREAMS_MAX: "5", TRUST_PROXY: "loopback" },
  prepare: async (db) => {
    meetingId = createTestMeeting(db);
    slug = (db.prepare("SELECT slug FROM meetings WHERE id = ?").get(meetingId) as { slug: string })
      .slug;
    insertOrganiser(db, {
      email: "kari@roros.kommune.no",
      name: "Kari Arrangør",
      role: "organiser",
      passwordHash: await hashPassword(PASSWORD),
    });
  },
});

const open: AbortController[] = [];
afterAll(() => open.forEach((a) => a.abort()));

/** Opens a stream and reads its first bytes; the stream stays open until aborted. */
async function stream(path: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(env.base + path, { headers, signal: abort.signal });
  if (response.status !== 200) {
    return { status: response.status, response, abort, first: await response.text() };
  }
  open.push(abort);
  const reader = response.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  return { status: response.status, response, abort, first };
}

const from = (address: string) => ({ "X-Forwarded-For": address });
const publicEvents = () => `/meetings/${slug}/questions/events`;

describe("live-update streams", () => {
  it("caps one address, then everyone, and takes a stream again once one closes", async () => {
    const hall = await Promise.all([1, 2, 3].map(() => stream(publicEvents(), from("10.0.0.1"))));
    expect(hall.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(hall[0]!.first).toContain(": open");

    const refused = await stream(publicEvents(), from("10.0.0.1"));
    expect(refused.status).toBe(429);
    expect(refused.response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.first).toContain("laster den inn på nytt");

    // Other addresses, up to five streams in all.
    const others = await Promise.all(
      ["10.0.0.2", "10.0.0.3"].map((a) => stream(publicEvents(), from(a))),
    );
    expect(others.map((s) => s.status)).toEqual([200, 200]);
    expect((await stream(publicEvents(), from("10.0.0.4"))).status).toBe(429);

    // One phone in the hall closes its page: its place is free again.
    hall[0]!.abort.abort();
    let again = 0;
    for (let i = 0; i < 50 && again !== 200; i++) {
      const next = await stream(publicEvents(), from("10.0.0.1"));
      again = next.status;
      if (again !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(again).toBe(200);
  });

  it("lets an organiser follow the moderation queue while the public streams are full", async () => {
    const path = `/admin/meetings/${meetingId}/questions/events`;
    const anonymous = await fetch(env.base + path, {
      redirect: "manual",
      headers: from("10.0.0.9"),
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/admin\/login/);

    const cookie = await logInOverHttp(env.base, "kari@roros.kommune.no", PASSWORD);
    expect((await stream(publicEvents(), from("10.0.0.9"))).status).toBe(429);
    const organiser = await stream(path, { Cookie: cookie, ...from("10.0.0.1") });
    expect(organiser.status).toBe(200);
    expect(organiser.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  });
});
