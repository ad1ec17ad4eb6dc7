// Public pages are rendered once per ETag and URL (page-cache.server.ts). What must hold:
// each response carries its own nonce (the one its Content-Security-Policy names), and a
// change to the data shows at once.
import { randomBytes } from "node:crypto";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { signUp } from "../registrations/testing";
import { rawRequest, startServer } from "../testing/server";
import {
  earlyNotModified,
  freshnessToken,
  rememberEtag,
  setFreshnessSource,
} from "./conditional-get.server";
import {
  earlyPage,
  keepPage,
  keptPage,
  keptPages,
  NONCE_PLACEHOLDER,
  pageKey,
} from "./page-cache.server";
import { isKeptUrl, isSharedPath } from "./paths";

describe("kept pages", () => {
  it("puts the response's nonce wherever the placeholder stood", () => {
    keepPage("a", `<script nonce="${NONCE_PLACEHOLDER}"></script><p nonce="${NONCE_PLACEHOLDER}">`);
    expect(keptPage("a", "abc")?.toString()).toBe(`<script nonce="abc"></script><p nonce="abc">`);
    expect(keptPage("a", "xyz")?.toString()).toBe(`<script nonce="xyz"></script><p nonce="xyz">`);
    expect(keptPage("missing", "abc")).toBeNull();
  });

  it("answers the page's own characters as UTF-8, with a placeholder at either end too", () => {
    const html = `${NONCE_PLACEHOLDER}<h1>Småhus ved Gjøsvika – «folkemøte» 🏠</h1><p nonce="${NONCE_PLACEHOLDER}">Ærlig</p>${NONCE_PLACEHOLDER}`;
    keepPage("utf8", html);
    const answer = keptPage("utf8", "n0nce");
    expect(answer?.toString("utf8")).toBe(html.replaceAll(NONCE_PLACEHOLDER, "n0nce"));
    expect(answer?.length).toBe(Buffer.byteLength(html.replaceAll(NONCE_PLACEHOLDER, "n0nce")));
  });

  it("lets the least recently used pages go when the bytes run out", () => {
    const big = "x".repeat(1_000_000); // 1 MB of UTF-8; the budget is 8 MiB
    for (let i = 0; i < 8; i++) keepPage(`page-${i}`, big);
    keptPage("page-0", "n"); // used again: now the newest
    keepPage("page-8", big);
    keepPage("page-9", big);
    expect(keptPage("page-0", "n")).not.toBeNull();
    expect(keptPage("page-1", "n")).toBeNull();
    expect(keptPage("page-2", "n")).toBeNull();
    expect(keptPage("page-9", "n")).not.toBeNull();
    expect(keptPages().bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it("never keeps personal or organisers' pages", () => {
    expect(isSharedPath("/meetings/smahus")).toBe(true);
    expect(isSharedPath("/")).toBe(true);
    expect(isSharedPath("/r/abc")).toBe(false);
    expect(isSharedPath("/admin/meetings/1")).toBe(false);
  });
});

describe("the answer before the framework runs", () => {
  const path = "/meetings/a";
  let data = "1";
  setFreshnessSource({ dataVersion: () => data });
  afterEach(() => vi.useRealTimers());

  const earlyText = (at: string, nonce: string) => {
    const answer = earlyPage(at, false, "build-1", nonce);
    return answer && Buffer.concat(answer.pieces).toString();
  };

  function rendered(
    token: string | null,
    etag = 'W/"e1"',
    html = `<p nonce="${NONCE_PLACEHOLDER}">${etag}</p>`,
  ) {
    rememberEtag(new Request(`http://localhost${path}`), etag, new Headers(), token);
    const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", ETag: etag });
    keepPage(pageKey(etag, path), html, headers);
  }

  it("answers a cookie-less visit with the kept page while build, data and minute are the same", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-10T17:00:10Z") });
    data = "1";
    rendered(freshnessToken("build-1"));
    const answer = earlyPage(path, false, "build-1", "n1");
    expect(answer && Buffer.concat(answer.pieces).toString()).toBe('<p nonce="n1">W/"e1"</p>');
    expect(answer?.bytes).toBe(Buffer.byteLength('<p nonce="n1">W/"e1"</p>'));
    expect(answer).toMatchObject({
      headers: [
        ["content-type", "text/html; charset=utf-8"],
        ["etag", 'W/"e1"'],
        // Answered in gzip or as it is, by the request's Accept-Encoding.
        ["vary", "Accept-Encoding"],
      ],
    });
    expect(earlyText(path, "n2")).toBe('<p nonce="n2">W/"e1"</p>');
    // Someone with cookies may see another page (their language); without a nonce (the dev
    // server) there is no policy to match; another build renders other HTML.
    expect(earlyPage(path, true, "build-1", "n1")).toBeNull();
    expect(earlyPage(path, false, "build-1", undefined)).toBeNull();
    expect(earlyPage(path, false, "build-2", "n1")).toBeNull();
    expect(earlyPage("/meetings/b", false, "build-1", "n1")).toBeNull();
    vi.setSystemTime(new Date("2026-12-10T17:01:00Z"));
    expect(earlyPage(path, false, "build-1", "n1")).toBeNull();
  });

  it("joins the short pieces around the nonces, and sends a long part as it is kept", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-10T17:00:10Z") });
    data = "1";
    // Twenty module links (a nonce each), an article of 4 KB that compresses badly, a script.
    const page = (nonce: string) =>
      "<head>" +
      Array.from({ length: 20 }, (_, i) => `<link href="/m${i}.js" nonce="${nonce}">`).join("") +
      `</head><body><article>${article}</article><script nonce="${nonce}"></script></body>`;
    const article = randomBytes(3000).toString("base64");
    rendered(freshnessToken("build-1"), 'W/"links"', page(NONCE_PLACEHOLDER));
    const nonce = randomBytes(16).toString("base64");

    const first = earlyPage(path, false, "build-1", nonce)!;
    expect(Buffer.concat(first.pieces).toString()).toBe(page(nonce));
    // The links and their nonces in one buffer, the article, the script with its nonce.
    expect(first.pieces).toHaveLength(3);
    expect(first.pieces[1]!.toString()).toBe(
      `"></head><body><article>${article}</article><script nonce="`,
    );
    // The article is the kept bytes themselves, not a copy made for this answer.
    expect(earlyPage(path, false, "build-1", nonce)!.pieces[1]).toBe(first.pieces[1]);

    const gzip = earlyPage(path, false, "build-1", nonce, true)!;
    expect(gunzipSync(Buffer.concat(gzip.pieces)).toString()).toBe(page(nonce));
    expect(gzip.pieces.length).toBe(3);
    expect(gzip.bytes).toBe(Buffer.concat(gzip.pieces).length);
  });

  it("never answers early at an address with a query string", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-10T17:00:10Z") });
    data = "1";
    const withQuery = `${path}?sort=new`;
    const etag = 'W/"q1"';
    rememberEtag(
      new Request(`http://localhost${withQuery}`),
      etag,
      new Headers(),
      freshnessToken("build-1"),
    );
    keepPage(pageKey(etag, withQuery), `<p nonce="${NONCE_PLACEHOLDER}">q</p>`);
    expect(earlyPage(withQuery, false, "build-1", "n1")).toBeNull();
    expect(earlyNotModified(withQuery, etag, false, "build-1")).toBeNull();
    expect(isKeptUrl(new URL(`http://localhost${withQuery}`))).toBe(false);
    expect(isKeptUrl(new URL(`http://localhost${path}`))).toBe(true);
    expect(isKeptUrl(new URL("http://localhost/r/abc"))).toBe(false);
  });

  it("stops at the next write, and never trusts a page whose data changed while it was made", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-10T17:00:10Z") });
    data = "1";
    rendered(freshnessToken("build-1"));
    data = "2";
    expect(earlyPage(path, false, "build-1", "n1")).toBeNull();
    // The request arrived at data "2"; a sign-up committed while its loaders ran.
    const arrived = freshnessToken("build-1");
    data = "3";
    rendered(arrived, 'W/"e2"');
    expect(earlyPage(path, false, "build-1", "n1")).toBeNull();
    // The next render, with nothing written meanwhile, is trusted again.
    rendered(freshnessToken("build-1"), 'W/"e3"');
    expect(earlyText(path, "n1")).toBe('<p nonce="n1">W/"e3"</p>');
  });
});

describe("the meeting page from the built server", () => {
  const env = tempDatabase("folkemote.sqlite");
  let base = "";
  let stop: (() => void) | undefined;
  let meetingId = 0;
  let slug = "";

  beforeAll(async () => {
    meetingId = createTestMeeting(env.db, { capacity: 5 });
    slug = env.db
      .prepare<[number], { slug: string }>("SELECT slug FROM meetings WHERE id = ?")
      .get(meetingId)!.slug;
    ({ base, stop } = await startServer(env.dir));
  }, 30_000);

  afterAll(() => {
    stop?.();
    env.cleanup();
  });

  async function page() {
    const response = await fetch(`${base}/meetings/${slug}`);
    expect(response.status).toBe(200);
    const policy = response.headers.get("Content-Security-Policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    return { html: await response.text(), nonce: nonce! };
  }

  /**
   * A request as wrk makes it: no Accept-Encoding, so the bytes come as they were kept; or
   * with the headers given, the body as it came over the wire (never decompressed here).
   */
  const plainGet = (path: string, method: "GET" | "HEAD", headers: Record<string, string> = {}) =>
    rawRequest(`${base}${path}`, method, headers);

  // The honeypot's encrypted timestamp changes at each minute's start (honeypot.server.ts);
  // two requests may straddle one, so it is left out of the comparison with the nonces.
  const withoutNonces = (html: string) =>
    html
      .replace(/nonce="[^"]*"/g, 'nonce=""')
      .replace(/(encryptedValidFrom\\?",\\?")[^"\\]*/g, "$1")
      .replace(/(name="from__confirm"[^>]*value=")[^"]*/g, "$1");

  it("gives every response the nonce of its own policy, on the same page", async () => {
    const first = await page();
    const second = await page();
    expect(second.nonce).not.toBe(first.nonce);
    for (const { html, nonce } of [first, second]) {
      const nonces = new Set([...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]));
      expect([...nonces]).toEqual([nonce]);
      expect(html).not.toContain(NONCE_PLACEHOLDER);
    }
    expect(withoutNonces(second.html)).toBe(withoutNonces(first.html));
  });

  it("answers the kept page whole, uncompressed too, with its length and to a HEAD", async () => {
    const first = await page(); // rendered and kept; the next visit is answered early
    const raw = await plainGet(`/meetings/${slug}`, "GET");
    expect(raw.status).toBe(200);
    expect(raw.headers["content-encoding"]).toBeUndefined();
    expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
    const html = raw.body.toString("utf8");
    const nonce = /'nonce-([^']+)'/.exec(String(raw.headers["content-security-policy"]))?.[1];
    expect(new Set([...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]))).toEqual(
      new Set([nonce]),
    );
    expect(withoutNonces(html)).toBe(withoutNonces(first.html));
    expect(html).toContain("Meld deg på"); // the page's own characters, as UTF-8
    const head = await plainGet(`/meetings/${slug}`, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(raw.headers["content-length"]);
    expect(head.body.length).toBe(0);
  });

  it("answers a browser, which asks for compression, in gzip made when the page was kept", async () => {
    // A page is answered early only within the minute it was kept in (its honeypot
    // timestamp): start at a minute's beginning, so the requests below share one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    const first = await page();
    const asBrowser = { "Accept-Encoding": "gzip, deflate, br, zstd" };
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const gz = await plainGet(`/meetings/${slug}`, "GET", asBrowser);
      expect(gz.status).toBe(200);
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(String(gz.headers.vary)).toMatch(/accept-encoding/i);
      expect(Number(gz.headers["content-length"])).toBe(gz.body.length);
      // gunzipSync checks the trailer's CRC-32 and length as a browser does.
      const html = gunzipSync(gz.body).toString("utf8");
      const nonce = /'nonce-([^']+)'/.exec(String(gz.headers["content-security-policy"]))?.[1];
      expect(new Set([...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]))).toEqual(
        new Set([nonce]),
      );
      expect(withoutNonces(html)).toBe(withoutNonces(first.html));
      // Near what gzip makes of the whole page at once, though made of pieces (the nonces
      // themselves, sent as they are, are most of the difference).
      expect(gz.body.length).toBeLessThan(gzipSync(html).length * 1.25);
      answers.push(nonce);
    }
    expect(answers[1]).not.toBe(answers[0]);
    const head = await plainGet(`/meetings/${slug}`, "HEAD", asBrowser);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.body.length).toBe(0);
    // Who refuses gzip gets the bytes as they are.
    const refused = await plainGet(`/meetings/${slug}`, "GET", { "Accept-Encoding": "gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(String(refused.headers.vary)).toMatch(/accept-encoding/i);
    expect(withoutNonces(refused.body.toString("utf8"))).toBe(withoutNonces(first.html));
    // Who takes brotli but not gzip gets the page rendered and compressed in brotli.
    for (const accept of ["br", "gzip;q=0, br"]) {
      const br = await plainGet(`/meetings/${slug}`, "GET", { "Accept-Encoding": accept });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(withoutNonces(brotliDecompressSync(br.body).toString("utf8"))).toBe(
        withoutNonces(first.html),
      );
    }
  });

  it("sends a shared link's visitor to the address without its tracking parameters", async () => {
    const response = await fetch(`${base}/meetings/${slug}?fbclid=IwAR0abc&utm_source=facebook`, {
      redirect: "manual",
    });
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toBe(`/meetings/${slug}`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const kept = await fetch(`${base}/meetings/${slug}?utm_medium=social&lang=en`, {
      redirect: "manual",
    });
    expect(kept.headers.get("Location")).toBe(`/meetings/${slug}?lang=en`);
    // Only ever to this host.
    const sideways = await fetch(`${base}//evil.example/?fbclid=1`, { redirect: "manual" });
    expect(sideways.headers.get("Location") ?? "").not.toContain("evil.example");
  });

  it("shows a change to the data on the next visit", async () => {
    expect((await page()).html).toContain("5 av 5 plasser er ledige.");
    signUp({ db: env.db, publicUrl: base, mailFrom: "post@example.no" }, meetingId, {
      name: "Kari Nordmann",
      email: "kari@example.no",
      partySize: 2,
      needs: { accessibility: false, interpreter: false, other: false, text: "" },
    });
    expect((await page()).html).toContain("3 av 5 plasser er ledige.");
  });
});
