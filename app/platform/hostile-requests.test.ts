// What a hostile client sends to every route that takes a post, against the built server:
// bodies that are not forms, broken forms and oversized bodies must get a 4xx (never a 5xx)
// and change nothing. The routes are read from app/routes.ts, so a new form is covered too.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { insertAttachment } from "../../db/attachments";
import { insertOrganiser } from "../../db/organisers";
import { setAnswersPublished } from "../../db/questions";
import { hashPassword } from "../auth/password.server";
import { meetingFormShape } from "../meetings/forms";
import { flatRoutes, pagePaths } from "../testing/routes";
import { serveThisFile } from "../testing/served";
import { logInOverHttp, oneAddressForAll } from "../testing/server";
import { meetingWithKari } from "../testing/services";
import { MAX_FIELDS, readForm } from "./forms.server";

/** Every route whose module exports an action, with its full path. */
const withActions = flatRoutes().filter((route) =>
  /export\s+(async\s+)?function\s+action\b/.test(
    fs.readFileSync(path.join(projectRoot(), "app", route.file), "utf8"),
  ),
);

const PASSWORD = "Fjellvettreglene-på-Røros-2026";
const ADMIN_LIMIT = 256 * 1024;
const PUBLIC_LIMIT = 64 * 1024;
let cookie = "";
let slug = "";
let token = "";
let meetingId = 0;
let registrationId = 0;
let attachmentId = 0;

const url = (p: string) =>
  env.base +
  p
    .replace(":slug", slug)
    .replace(":token", token)
    .replace(":id", String(meetingId))
    .replace(":registrationId", String(registrationId))
    .replace("*", "no-such-page");

const env = serveThisFile({
  vars: {
    ...oneAddressForAll,
    QUESTION_RATE_LIMIT: "100000",
    ADMIN_BODY_LIMIT_MB: String(ADMIN_LIMIT / 1024 / 1024),
  },
  prepare: async (db) => {
    ({ meetingId, slug, registrationId, token } = meetingWithKari(db));
    attachmentId = insertAttachment(db, {
      meetingId,
      filename: "lysark.pdf",
      contentType: "application/pdf",
      content: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
    setAnswersPublished(db, meetingId, true);
    insertOrganiser(db, {
      email: "admin@roros.kommune.no",
      name: "Ada Admin",
      role: "admin",
      passwordHash: await hashPassword(PASSWORD),
    });
  },
});

beforeAll(async () => {
  cookie = await logInOverHttp(env.base, "admin@roros.kommune.no", PASSWORD);
  // Kari's confirmation is delivered by the server's mail worker: let that finish first, so
  // the snapshots below see only what the hostile posts change.
  const undelivered = env.db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')",
  );
  for (const until = Date.now() + 30_000; undelivered.get()!.n > 0;) {
    if (Date.now() > until) throw new Error("the confirmation mail was never delivered");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);

/** Everything a post could change, as one comparable value. */
function snapshot() {
  const tables = [
    "meetings",
    "agenda_items",
    "question_themes",
    "registrations",
    "registration_tokens",
    "outbox",
    "organisers",
    "login_failures",
    "audit_log",
    "meeting_changes",
  ];
  return {
    ...Object.fromEntries(
      tables.map((t) => [t, env.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
    ),
    sessions: env.db.prepare("SELECT count(*) AS n FROM sessions").get(),
  };
}

const headers = (extra: Record<string, string> = {}) => ({
  Origin: env.base,
  Cookie: cookie,
  ...extra,
});

// Bodies a browser never sends from our forms, each with a plausible payload.
const fields =
  "intent=cancel&registrationId=1&name=Mallory&email=m%40example.no&partySize=1&consent=on";
const notForms: [string, Record<string, string>, string][] = [
  [
    "application/json",
    { "Content-Type": "application/json" },
    JSON.stringify({ intent: "cancel", name: "Mallory" }),
  ],
  ["text/plain", { "Content-Type": "text/plain" }, fields],
  ["no content type", {}, fields],
  [
    "broken multipart",
    { "Content-Type": "multipart/form-data; boundary=XYZ" },
    '--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\ncancel',
  ],
  ["multipart without boundary", { "Content-Type": "multipart/form-data" }, fields],
];

/** Posts with a declared length and sends only a little of it; resolves with the status. */
function postDeclaring(target: string, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(target, {
      method: "POST",
      headers: headers({
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(length),
      }),
    });
    request.on("response", (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      request.destroy();
    });
    request.on("error", reject);
    request.write("name=");
  });
}

/** Streams a chunked body (no length) until the server answers; resolves with the status. */
function postChunked(target: string, total: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(target, {
      method: "POST",
      headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      resolve(response.statusCode ?? 0);
      response.resume();
      request.destroy();
    });
    // The server may close while we still write: that is fine once it has answered.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    request.write("name=");
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("posts that are not forms", () => {
  it("finds every route with an action, public and organiser", () => {
    const paths = withActions.map((r) => r.path);
    for (const p of [
      "/meetings/:slug",
      "/r/:token",
      "/r/:token/cancel",
      "/admin/login",
      "/admin/meetings/:id/attendees",
    ]) {
      expect(paths).toContain(p);
    }
    expect(paths.length).toBeGreaterThan(14);
  });

  it("answer 4xx on every route, as a page and as .data, and store nothing", async () => {
    const before = snapshot();
    for (const route of withActions) {
      const targets = [url(route.path), ...(route.path === "*" ? [] : [`${url(route.path)}.data`])];
      for (const target of targets) {
        for (const [label, extra, body] of notForms) {
          const response = await fetch(target, {
            method: "POST",
            redirect: "manual",
            headers: headers(extra),
            body,
          });
          const text = await response.text();
          expect(response.status, `${label} → ${target}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${label} → ${target}`).toBeLessThan(500);
          if (!target.endsWith(".data"))
            expect(text, `${label} → ${target}`).toContain('<html lang="nb">');
        }
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it("shows a Norwegian page with the right status for a JSON post to the sign-up form", async () => {
    const json = await fetch(url("/meetings/:slug"), {
      method: "POST",
      headers: headers({ "Content-Type": "application/json" }),
      body: "{}",
    });
    expect(json.status).toBe(415);
    const page = await json.text();
    expect(page).toContain("Vi tar bare imot skjemaer sendt fra nettsiden.");
    expect(page).toContain('<footer class="site-footer">');

    const broken = await fetch(url("/r/:token"), {
      method: "POST",
      headers: headers({ "Content-Type": "multipart/form-data; boundary=XYZ" }),
      body: "--XYZ\r\ngarbage",
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("Skjemaet kom ikke fram i sin helhet");
  });
});

/** Organisers' pages take larger bodies (attachments); login and set-up are public. */
const bodyLimitOf = (target: string) =>
  target.startsWith(`${env.base}/admin/`) && !/\/admin\/(login|setup)/.test(target)
    ? ADMIN_LIMIT
    : PUBLIC_LIMIT;

describe("oversized bodies", () => {
  it("are refused with 413 by their Content-Length before they are read, on every route", async () => {
    const before = snapshot();
    for (const route of withActions) {
      const target = url(route.path);
      const limit = bodyLimitOf(target);
      expect(await postDeclaring(target, limit + 1), target).toBe(413);
      // 300 MB announced: refused at once, not read.
      expect(await postDeclaring(target, 300 * 1024 * 1024), target).toBe(413);
    }
    expect(snapshot()).toEqual(before);
  });

  it("are refused with 413 when streamed without a length, on every route", async () => {
    const before = snapshot();
    for (const route of withActions) {
      const target = url(route.path);
      const limit = bodyLimitOf(target);
      const status = await postChunked(target, limit + 64 * 1024);
      // A route that refuses before reading (no such page, a cancelled link) may answer 4xx first.
      expect(status, target).toBeGreaterThanOrEqual(400);
      expect(status, target).toBeLessThan(500);
    }
    // Where the body is read, it is the size that stops it.
    expect(await postChunked(url("/meetings/:slug"), 10 * 1024 * 1024)).toBe(413);
    expect(
      await postChunked(url("/admin/meetings/:id/attendees/new"), ADMIN_LIMIT + 64 * 1024),
    ).toBe(413);
    expect(snapshot()).toEqual(before);
  });

  it("lets a body just under the limit through, to the form's own validation", async () => {
    const name = "a".repeat(PUBLIC_LIMIT - 200);
    const response = await fetch(url("/meetings/:slug"), {
      method: "POST",
      headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
      body: `name=${name}&email=x`,
    });
    expect(response.status).toBe(400);
  });
});

describe("the sign-up form's honeypot", () => {
  it("refuses a complete, valid sign-up posted without the form's timestamp", async () => {
    const before = snapshot();
    const response = await fetch(url("/meetings/:slug"), {
      method: "POST",
      redirect: "manual",
      headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
      body: "name=Robot+Robotsen&email=robot%40example.no&partySize=1&consent=on",
    });
    expect(response.status).toBe(400);
    expect(snapshot()).toEqual(before);
  });
});

describe("the audit log", () => {
  it("answers a page number past the end, negative or not a number with a page, not a 500", async () => {
    for (const page of ["99999999999999999999", "-5", "abc", "1e400", ""]) {
      const response = await fetch(`${env.base}/admin/audit?page=${page}`, { headers: headers() });
      expect(response.status, page).toBe(200);
      await response.text();
    }
  });
});

describe("security headers", () => {
  const expectHeaders = (response: Response, label: string) => {
    expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
    expect(response.headers.get("x-frame-options"), label).toBe("DENY");
    expect(response.headers.get("referrer-policy"), label).toBe("same-origin");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp, label).toContain("frame-ancestors 'none'");
    expect(csp, label).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp, label).not.toContain("unsafe-inline");
    // Plain http here: no HSTS (that is for an https PUBLIC_URL).
    expect(response.headers.get("strict-transport-security"), label).toBeNull();
  };

  it("are on every kind of response: pages, .data, calendar, static, redirects, errors, exports", async () => {
    const asset = /\/assets\/[^"]+\.js/.exec(await (await fetch(`${env.base}/`)).text())?.[0];
    expect(asset).toBeTruthy();
    const requests: [string, RequestInit & { path: string }][] = [
      ["front page", { path: "/" }],
      ["meeting page", { path: `/meetings/${slug}` }],
      [".data", { path: `/meetings/${slug}.data` }],
      ["calendar", { path: `/meetings/${slug}/calendar.ics` }],
      ["static file", { path: "/favicon.svg" }],
      ["built asset", { path: asset! }],
      ["personal page", { path: `/r/${token}` }],
      ["redirect to login", { path: "/admin" }],
      ["not found", { path: "/no-such-page" }],
      ["health", { path: "/healthz" }],
      ["export", { path: `/admin/meetings/${meetingId}/export.csv`, headers: headers() }],
      [
        "415",
        {
          path: `/meetings/${slug}`,
          method: "POST",
          headers: headers({ "Content-Type": "application/json" }),
          body: "{}",
        },
      ],
      [
        "413",
        {
          path: `/meetings/${slug}`,
          method: "POST",
          headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
          body: "a".repeat(PUBLIC_LIMIT + 1),
        },
      ],
    ];
    for (const [label, { path: p, ...init }] of requests) {
      const response = await fetch(env.base + p, { redirect: "manual", ...init });
      await response.arrayBuffer();
      expect(response.status, label).toBeLessThan(500);
      expectHeaders(response, label);
    }
  });

  it("give each page its own nonce, the one its inline scripts carry", async () => {
    const [a, b] = await Promise.all([
      fetch(`${env.base}/meetings/${slug}`),
      fetch(`${env.base}/meetings/${slug}`),
    ]);
    const nonceOf = (r: Response) =>
      /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    const html = await a.text();
    await b.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(2);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonceOf(a)}"`);
    // No inline style, which a page rendered in the browser could not give a nonce: the spam
    // trap is hidden by a class from the stylesheet.
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).toMatch(/<div class="honeypot" aria-hidden="true">/);
  });

  it("keep one Referrer-Policy on personal pages, where the route sets its own", async () => {
    const response = await fetch(`${env.base}/r/${token}`);
    await response.text();
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("leave the policy off a 304, so a cached page keeps the policy its nonce belongs to", async () => {
    // A static file, and a page (answered by the framework, then by the early path).
    for (const p of ["/favicon.svg", `/meetings/${slug}`, `/meetings/${slug}`]) {
      const first = await fetch(env.base + p);
      await first.text();
      const etag = first.headers.get("etag");
      expect(etag, p).toBeTruthy();
      // Not fetch(): it adds "Cache-Control: no-cache" to a conditional request.
      const again = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get(env.base + p, { headers: { "If-None-Match": etag! } }, resolve)
          .on("error", reject),
      );
      again.resume();
      expect(again.statusCode, p).toBe(304);
      expect(again.headers["content-security-policy"], p).toBeUndefined();
      expect(again.headers["x-content-type-options"], p).toBe("nosniff");
    }
  });
});

/** A request with its path sent as written: fetch() resolves dot segments and backslashes first. */
function raw(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(env.base);
    const request = http.request({ hostname, port, path, method: init.method ?? "GET" });
    for (const [name, value] of Object.entries(init.headers ?? {})) request.setHeader(name, value);
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, location: response.headers.location, body }),
      );
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

const urlencoded = (extra: Record<string, string> = {}) =>
  headers({ "Content-Type": "application/x-www-form-urlencoded", ...extra });

describe("forms with more fields than ours have", () => {
  // The issue's body: 15,000 fields in 60 KB, which took a second of the event loop each.
  const manyFields = Array.from({ length: 15_000 }, () => "x=1").join("&");

  it("are refused in the action's first step, on every route, and store nothing", async () => {
    const before = snapshot();
    for (const route of withActions) {
      const target = url(route.path);
      const response = await fetch(target, {
        method: "POST",
        redirect: "manual",
        headers: urlencoded(),
        body: manyFields,
      });
      await response.text();
      expect(response.status, target).toBeGreaterThanOrEqual(400);
      expect(response.status, target).toBeLessThan(500);
    }
    // Where the issue measured it: refused for its fields, before any schema parsing.
    for (const path of [
      "/admin/login",
      `/meetings/${slug}`,
      `/meetings/${slug}/subscribe`,
      `/meetings/${slug}/questions/new`,
      `/admin/meetings/${meetingId}/edit`,
    ]) {
      const response = await fetch(env.base + path, {
        method: "POST",
        headers: urlencoded(),
        body: manyFields,
      });
      expect(response.status, path).toBe(413);
      expect(await response.text(), path).toContain("For mye innhold");
    }
    // First-run setup checks its link before it reads a byte of the body.
    const setup = await fetch(`${env.base}/admin/setup/${"a".repeat(43)}`, {
      method: "POST",
      headers: urlencoded(),
      body: manyFields,
    });
    expect(setup.status).toBe(404);
    await setup.text();
    expect(snapshot()).toEqual(before);
  });

  it("refuse names the form library would read as paths, without a huge answer", async () => {
    // 16 bytes that made a sparse list of ten million entries: 4 s and a 30 MB answer.
    for (const [path, body] of [
      ["/admin/login", "email[9999999]=1"],
      ["/admin/login.data", "redirectTo[9999999]=1"],
      [`/meetings/${slug}/questions/new`, "name[9999999]=1"],
      [`/meetings/${slug}`, "email=a%40b.no&email=c%40d.no"],
    ] as const) {
      const response = await fetch(env.base + path, {
        method: "POST",
        headers: urlencoded(),
        body,
      });
      const text = await response.text();
      expect(response.status, path).toBe(400);
      expect(text.length, path).toBeLessThan(64 * 1024);
    }
  });

  it("lets the meeting editor's reminder boxes repeat, as the form sends them", async () => {
    const form = new URLSearchParams({ title: "" });
    for (const hours of ["168", "48", "24", "2"]) form.append("reminderHours", hours);
    const response = await fetch(`${env.base}/admin/meetings/${meetingId}/edit`, {
      method: "POST",
      headers: urlencoded(),
      body: form,
    });
    await response.text();
    // The schema's answer (a title is required), not readForm's refusal.
    expect(response.status).toBe(400);
    form.append("reminderHours", "1");
    const once = await fetch(`${env.base}/admin/meetings/${meetingId}/edit`, {
      method: "POST",
      headers: urlencoded(),
      body: form,
    });
    expect(await once.text()).toContain("Skjemaet kunne ikke leses");
  });
});

/** The forms of a page that post, each as the names a browser would send. */
function postedForms(html: string): string[][] {
  return [...html.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)].map(
    ([, inner]) => {
      const fields: string[] = [];
      // Of several submit buttons or radio buttons with one name, one is sent.
      const once = new Set<string>();
      for (const [tag, element] of inner!.matchAll(/<(input|select|textarea|button)\b[^>]*>/g)) {
        const name = /\sname="([^"]*)"/.exec(tag)?.[1];
        if (!name) continue;
        const type = /\stype="([^"]*)"/.exec(tag)?.[1] ?? (element === "button" ? "submit" : "");
        if (["submit", "radio"].includes(type)) once.add(name);
        else fields.push(name);
      }
      return [...fields, ...once];
    },
  );
}

describe("every form the pages render", () => {
  it("fits what readForm takes, so MAX_FIELDS holds our largest form", async () => {
    let largest = 0;
    let forms = 0;
    const paths = pagePaths().filter((p) => p !== "*" && !p.includes(".") && p !== "/q/:id");
    for (const path of paths) {
      const open = path === "/admin/login" || path === "/admin/setup/:token";
      const response = await fetch(url(path), { headers: open ? {} : headers() });
      // Only pages are read; an event stream never ends.
      if (!response.headers.get("content-type")?.startsWith("text/html")) {
        await response.body?.cancel();
        continue;
      }
      const html = await response.text();
      for (const names of postedForms(html)) {
        forms++;
        largest = Math.max(largest, new Set(names).size);
        const body = new URLSearchParams(names.map((name) => [name, "1"]));
        const request = new Request("http://local/", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body,
        });
        const shape = path.endsWith("/edit") || path.endsWith("/new") ? meetingFormShape : {};
        await expect(readForm(request, shape), `${path}: ${names.join(" ")}`).resolves.toBeTruthy();
      }
    }
    // The meeting editor, read from its page.
    expect(forms).toBeGreaterThan(20);
    expect(largest).toBeGreaterThan(20);
    expect(largest).toBeLessThanOrEqual(MAX_FIELDS);
  });
});

describe("the body limit", () => {
  const big = (bytes: number) => `intent=none&x=${"a".repeat(bytes)}`;

  it("is the public one wherever the router serves a public route, however the path is written", async () => {
    for (const path of [
      `/admin/../meetings/${slug}/questions/new`,
      `/admin/%2e%2e/meetings/${slug}/questions/new`,
      `/admin/.%2E/meetings/${slug}/subscribe`,
      `/admin\\..\\meetings/${slug}`,
      "/admin/../admin/login",
      "/ADMIN/LOGIN",
    ]) {
      const response = await raw(path, {
        method: "POST",
        headers: urlencoded(),
        body: big(100_000),
      });
      expect(response.status, path).toBe(413);
    }
  });

  it("is the organisers' one wherever the router serves an organiser's route", async () => {
    for (const path of [
      `/ADMIN/meetings/${meetingId}/answers`,
      `/%61dmin/meetings/${meetingId}/answers`,
      `/meetings/../admin/meetings/${meetingId}/answers`,
    ]) {
      const response = await raw(path, {
        method: "POST",
        headers: urlencoded(),
        body: big(100_000),
      });
      // The action's own answer to an unknown intent: the body got through.
      expect(response.status, path).toBe(400);
      expect(response.body, path).not.toContain("For mye innhold");
    }
  });
});

describe("redirects", () => {
  /** Where a browser on our site would go with this Location. */
  const origin = (location: string | undefined) => new URL(location ?? "", env.base).origin;

  it("of the language switch stay on our origin", async () => {
    for (const path of [
      "//evil.example/?lang=nn",
      "/\\evil.example/?lang=en",
      "/..//evil.example?lang=nn",
      "/%2e%2e//evil.example?lang=nn",
      "///evil.example/?lang=en",
      "/\\/evil.example/?lang=nn",
      "/.//evil.example/?lang=nn",
    ]) {
      const response = await raw(path);
      expect(response.status, path).toBe(303);
      expect(origin(response.location), `${path} → ${response.location}`).toBe(env.base);
      expect(response.location?.startsWith("//"), response.location).toBe(false);
    }
    // As a .data request (a click with JavaScript) the redirect travels in the body.
    for (const path of ["//evil.example/.data?lang=nn", "/..//evil.example.data?lang=nn"]) {
      const response = await raw(path);
      expect(response.body, path).toContain('"redirect","/"');
      expect(response.body, path).not.toContain("evil.example");
    }
  });

  it("after login stay on our origin, whatever the return-to says", async () => {
    for (const redirectTo of [
      "//evil.example/",
      "/\\evil.example/",
      "/..//evil.example",
      "https://evil.example/",
    ]) {
      const response = await fetch(
        `${env.base}/admin/login?redirectTo=${encodeURIComponent(redirectTo)}`,
        {
          redirect: "manual",
          headers: headers(),
        },
      );
      expect(response.status, redirectTo).toBe(302);
      expect(origin(response.headers.get("location") ?? undefined), redirectTo).toBe(env.base);
      await response.text();
    }
  });
});

describe("an attachment", () => {
  it("keeps its own sandbox policy: the page policy does not replace it", async () => {
    const response = await fetch(`${env.base}/meetings/${slug}/attachments/${attachmentId}`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-security-policy")).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'none'",
    );
  });
});

describe("request lines that do not start with a path", () => {
  /** One request as it is written on the wire, and the answer's status line and body. */
  const onTheWire = (line: string, extra = "") =>
    new Promise<{ status: number; head: string; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(env.base);
      const socket = net.connect(Number(port), hostname, () =>
        socket.write(
          `${line}\r\nHost: ${new URL(env.base).host}\r\nConnection: close\r\n${extra}\r\n`,
        ),
      );
      let answer = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (answer += chunk));
      socket.on("error", reject);
      socket.on("end", () => {
        const [head = "", body = ""] = answer.split("\r\n\r\n");
        resolve({ status: Number(head.split(" ")[1]), head, body });
      });
    });

  it("serves a whole URL in the request line (as proxies send it) as its path", async () => {
    const page = await onTheWire(`GET ${env.base}/meetings/${slug} HTTP/1.1`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`/meetings/${slug}`);
    const home = await onTheWire(`HEAD ${env.base}/ HTTP/1.1`);
    expect(home.status).toBe(200);
  });

  it("answers OPTIONS * with what the server allows, and refuses other targets with 400", async () => {
    const options = await onTheWire("OPTIONS * HTTP/1.1");
    expect(options.status).toBe(204);
    expect(options.head).toMatch(/^allow: GET, HEAD, POST$/im);
    // Node's parser refuses a target like "meetings" itself; these reach the server.
    for (const target of ["*", "ftp://example.org/x", "/meetings/%ZZ", `${env.base}/%E0%A4%A`]) {
      const answer = await onTheWire(`GET ${target} HTTP/1.1`);
      expect(answer.status, target).toBe(400);
      expect(answer.head, target).toMatch(/^x-content-type-options: nosniff$/im);
      expect(answer.body, target).toContain("Noe var galt med forespørselen");
    }
    // In the visitor's language when the cookie names one.
    const english = await onTheWire("GET * HTTP/1.1", "Cookie: lang=en\r\n");
    expect(english.body).toContain("Something was wrong with the request");
  });
});
