// The language choice against the built server (`npm run build` first): the switch's redirect
// and cookie, per-language ETags that never answer one language's copy to another, the early
// 304 for cookie-less (bokmål) visits, and the refusals a citizen can meet, in their language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { startServer } from "../testing/server";

const env = tempDatabase("folkemote.sqlite");
let base = "";
let stop: (() => void) | undefined;
let slug = "";

beforeAll(async () => {
  const id = createTestMeeting(env.db, { capacity: 5 });
  slug = (env.db.prepare("SELECT slug FROM meetings WHERE id = ?").get(id) as { slug: string })
    .slug;
  ({ base, stop } = await startServer(env.dir));
});
afterAll(() => {
  stop?.();
  env.cleanup();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers, redirect: "manual" });
const htmlLang = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1];

describe("choosing a language over HTTP", () => {
  it("redirects ?lang=en to the same address with a cookie, and ignores ?lang=de", async () => {
    const switched = await get(`/meetings/${slug}?lang=en`);
    expect(switched.status).toBe(303);
    expect(switched.headers.get("location")).toBe(`/meetings/${slug}`);
    expect(switched.headers.get("set-cookie")).toMatch(/^lang=en; Path=\/; Max-Age=31536000/);

    const unknown = await get(`/meetings/${slug}?lang=de`);
    expect(unknown.status).toBe(200);
    expect(unknown.headers.get("set-cookie")).toBeNull();
    expect(htmlLang(await unknown.text())).toBe("nb");
  });

  it("gives each language its own ETag, varies on Cookie, and never 304s across languages", async () => {
    const path = `/meetings/${slug}`;
    const nb = await get(path);
    const en = await get(path, { Cookie: "lang=en" });
    const nn = await get(path, { Cookie: "lang=nn" });
    expect(htmlLang(await nb.text())).toBe("nb");
    expect(htmlLang(await en.text())).toBe("en");
    expect(htmlLang(await nn.text())).toBe("nn");
    const tags = [nb, en, nn].map((r) => r.headers.get("etag"));
    expect(new Set(tags).size).toBe(3);
    for (const r of [nb, en, nn]) expect(r.headers.get("vary")).toMatch(/\bCookie\b/);

    // The bokmål copy is not current for an English reader, and the reverse.
    const crossed = await get(path, { Cookie: "lang=en", "If-None-Match": tags[0]! });
    expect(crossed.status).toBe(200);
    expect(htmlLang(await crossed.text())).toBe("en");
    const same = await get(path, { Cookie: "lang=en", "If-None-Match": tags[1]! });
    expect(same.status).toBe(304);
    // Cookie-less visits (the early 304 in server.js) are bokmål only.
    const early = await get(path, { "If-None-Match": tags[0]! });
    expect(early.status).toBe(304);
    const notEnglish = await get(path, { "If-None-Match": tags[1]! });
    expect(notEnglish.status).toBe(200);
  });

  it("keeps the front page's public cache per language", async () => {
    const front = await get("/", { Cookie: "lang=nn" });
    expect(front.headers.get("cache-control")).toContain("public");
    expect(front.headers.get("vary")).toMatch(/\bCookie\b/);
    const html = await front.text();
    expect(html).toContain("Komande folkemøte");
    expect(html).toContain("/calendar.ics?lang=nn");
  });

  it("refuses an oversized form in the reader's language", async () => {
    const response = await fetch(`${base}/meetings/${slug}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: "lang=en" },
      body: `name=${"x".repeat(200 * 1024)}`,
    });
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(htmlLang(html)).toBe("en");
    expect(html).toContain("Too much content");
  });

  it("names the calendar feed in the language its address asks for", async () => {
    const feed = await (await get("/calendar.ics?lang=en")).text();
    expect(feed).toContain("X-WR-CALNAME:Public meetings in Røros Municipality");
    const bokmal = await (await get("/calendar.ics")).text();
    expect(bokmal).toContain("X-WR-CALNAME:Folkemøter i Røros kommune");
  });
});
