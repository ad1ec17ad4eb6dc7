/**
 * The hostile-input corpus (resilience/support/corpus.ts, about 1,000 cases) sent to every
 * public form and route of the built server: nothing answers 5xx, nothing is stored half-way,
 * no mail gains a header or a recipient, nothing typed comes back as live markup, and the
 * organisers' exports keep formulas as text.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertOrganiser } from "../db/organisers";
import { createTestMeeting } from "../db/testing";
import { hashPassword } from "../app/auth/password.server";
import { register } from "../app/registrations/registrations.server";
import { portFor } from "../app/testing/ports";
import { logInOverHttp } from "../app/testing/server";
import { createSmtpSink, type SmtpSink } from "../app/testing/smtp-sink";
import {
  count,
  honeypotTimestamp,
  startApp,
  waitUntil,
  type RunningApp,
  FAST_MAIL,
} from "./support/app";
import routes from "../app/routes";
import { buildCorpus, publicRoutes, unescapedProbe, type HostileCase } from "./support/corpus";
import { headerProblems } from "./support/mail";
import { simpleParser } from "mailparser";

const PASSWORD = "Fjellvettreglene-på-Røros-2026";
const CONCURRENCY = 4;
// The audit log is left out: it records the corpus's failed logins, as it should.
const TABLES = ["meetings", "agenda_items", "question_themes", "organisers", "setup_tokens"];

interface Outcome {
  c: HostileCase;
  status: number;
  location: string | null;
  contentType: string;
  body: string;
}

let app: RunningApp;
let sink: SmtpSink;
let meetingId = 0;
let manageToken = "";
let cancelToken = "";
let cookie = "";
let cases: HostileCase[] = [];
const outcomes: Outcome[] = [];
/** Pages that show what was typed, fetched afterwards: personal pages from the mails, organisers' lists. */
const followed: { label: string; status: number; body: string }[] = [];
const before: Record<string, number> = {};
let registrationsBefore = 0;

const countTable = (table: string) => count(app.db, `SELECT count(*) AS n FROM ${table}`);

async function send(c: HostileCase): Promise<Outcome> {
  const response = await fetch(app.base + c.path, {
    method: c.method,
    redirect: "manual",
    headers: c.headers,
    body: typeof c.body === "string" || c.body === undefined ? c.body : Uint8Array.from(c.body),
  });
  const contentType = response.headers.get("content-type") ?? "";
  // Only pages are read; anything else (an event stream never ends) is dropped unread.
  const body = contentType.startsWith("text/html")
    ? await response.text()
    : (await response.body?.cancel(), "");
  return {
    c,
    status: response.status,
    location: response.headers.get("location"),
    contentType,
    body,
  };
}

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  sink = createSmtpSink(portFor(28));
  await sink.start();
  app = await startApp({
    port: portFor(29),
    env: { SMTP_URL: sink.url, MAIL_RETRY_BASE_SECONDS: "0.2", ...FAST_MAIL },
    prepare: (db) => {
      meetingId = createTestMeeting(db, { slug: "hostile", capacity: 2_000, maxPartySize: 4 });
      const ctx = { db, publicUrl: "http://127.0.0.1", mailFrom: "post@example.no" };
      const needs = { accessibility: false, interpreter: false, other: false, text: "" };
      const signUp = (email: string) => {
        const outcome = register(ctx, meetingId, {
          name: "Kari Nordmann",
          email,
          partySize: 1,
          needs,
        });
        if (!("token" in outcome)) throw new Error("expected a new registration");
        return outcome.token;
      };
      manageToken = signUp("endre@example.no");
      cancelToken = signUp("avlyse@example.no");
      insertOrganiser(db, {
        email: "org@roros.kommune.no",
        name: "Olav Organiser",
        role: "organiser",
        passwordHash,
      });
    },
  });

  // Log in before the corpus: its login cases trip the per-address throttle on purpose.
  cookie = await logInOverHttp(app.base, "org@roros.kommune.no", PASSWORD);

  await waitUntil("the two prepared confirmations", () => sink.count() >= 2, 30_000);
  for (const table of [...TABLES, "sessions"]) before[table] = countTable(table);
  registrationsBefore = countTable("registrations");

  const validFrom = await honeypotTimestamp(`${app.base}/meetings/hostile`);
  cases = buildCorpus({
    base: app.base,
    meetingSlug: "hostile",
    manageToken,
    cancelToken,
    validFrom,
    publicRoutes: publicRoutes(routes),
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        outcomes.push(
          await send(c).catch((e: unknown) => ({
            c,
            // No answer at all (the connection dropped) counts as a server failure.
            status: 599,
            location: null,
            contentType: "",
            body: `${String(e)} ${e instanceof Error ? String(e.cause) : ""}`,
          })),
        );
      }
    }),
  );

  for (const path of [
    `/admin/meetings/${meetingId}/attendees`,
    `/admin/meetings/${meetingId}/print`,
    `/admin/meetings/${meetingId}`,
  ]) {
    const response = await fetch(app.base + path, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    followed.push({ label: path, status: response.status, body: await response.text() });
  }

  await waitUntil(
    "the outbox to drain",
    () =>
      count(app.db, "SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')") ===
      0,
    150_000,
  );

  // The personal pages the mails link to show the typed values back: open every one.
  const links = new Set<string>();
  for (const mail of sink.messages()) {
    const { text } = await simpleParser(mail.raw);
    for (const m of (text ?? "").matchAll(/\/r\/[A-Za-z0-9_-]{43}/g)) links.add(m[0]);
  }
  for (const link of links) {
    const response = await fetch(app.base + link, { redirect: "manual" });
    followed.push({
      label: `personal page ${link.slice(0, 12)}…`,
      status: response.status,
      body: await response.text(),
    });
  }
  const sent = await fetch(`${app.base}/meetings/hostile/sent`);
  followed.push({ label: "/meetings/hostile/sent", status: sent.status, body: await sent.text() });
}, 300_000);

afterAll(async () => {
  await app?.cleanup();
  await sink?.stop();
});

describe("the hostile-input corpus", () => {
  it("has at least 500 cases across every public form and route", () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(outcomes).toHaveLength(cases.length);
    const paths = new Set(cases.map((c) => c.path.replace(/\?.*/, "")));
    for (const path of [
      "/meetings/hostile",
      `/r/${manageToken}`,
      `/r/${cancelToken}/cancel`,
      "/admin/login",
      "/",
      "/privacy",
    ]) {
      expect(paths).toContain(path);
    }
    // Every public route in app/routes.ts, including ones added after this test was written.
    const routePatterns = publicRoutes(routes);
    expect(routePatterns).toContain("/meetings/:slug");
    for (const pattern of routePatterns) {
      expect(
        cases.some((c) => c.label.startsWith(`route ${pattern}:`)),
        pattern,
      ).toBe(true);
    }
  });

  it("never answers 5xx", () => {
    const failures = [
      ...outcomes,
      ...followed.map((f) => ({ c: { label: f.label }, status: f.status })),
    ]
      .filter((o) => o.status >= 500)
      .map(
        (o) =>
          `${o.status} ${o.c.label}${o.status === 599 && "body" in o ? ` (${String(o.body).slice(0, 120)})` : ""}`,
      );
    expect(failures).toEqual([]);
  });

  it("never sends back what was typed as live markup", () => {
    const failures = [
      ...outcomes.map((o) => ({ label: o.c.label, body: o.body })),
      ...followed,
    ].flatMap((o) => {
      const probe = unescapedProbe(o.body);
      return probe ? [`${o.label}: ${probe}`] : [];
    });
    expect(followed.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it("stores a sign-up whole or not at all", () => {
    // Every accepted sign-up (one answer for all, ADR 0006) is a new address: one registration each.
    const accepted = outcomes.filter(
      (o) => o.c.signUp && o.status === 302 && o.location === "/meetings/hostile/sent",
    );
    expect(accepted.length).toBeGreaterThan(20);
    expect(countTable("registrations") - registrationsBefore).toBe(accepted.length);
    const leftovers = outcomes
      .filter(
        (o) => o.c.uniqueEmail && !(o.status === 302 && o.location === "/meetings/hostile/sent"),
      )
      .filter(
        (o) =>
          count(
            app.db,
            "SELECT count(*) AS n FROM registrations WHERE email_key = ?",
            o.c.uniqueEmail!.toLowerCase(),
          ) > 0,
      )
      .map((o) => `${o.status} ${o.c.label}`);
    expect(leftovers).toEqual([]);
    // Every registration has its personal link and its mail.
    expect(
      count(
        app.db,
        "SELECT count(*) AS n FROM registrations r WHERE NOT EXISTS (SELECT 1 FROM registration_tokens t WHERE t.registration_id = r.id)",
      ),
    ).toBe(0);
    expect(
      count(
        app.db,
        "SELECT count(*) AS n FROM registrations r WHERE r.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.to_address = r.email)",
      ),
    ).toBe(0);
    // Nothing else changed: no meeting, organiser, session or setup link came from the corpus.
    for (const table of [...TABLES, "sessions"])
      expect(countTable(table), table).toBe(before[table]);
    // The benchmark baseline routes are closed without BENCH_BASELINES.
    expect(count(app.db, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'bench_rows'")).toBe(
      0,
    );
    // (A dropped connection, 599, is counted by the 5xx test above.)
    const bench = outcomes.filter((o) => o.c.path.startsWith("/_bench/") && o.status !== 599);
    expect(bench.length).toBeGreaterThan(4);
    // 404, or 413 when the server's body limit refuses a body before any route sees it.
    expect(
      bench
        .filter((o) => o.status !== 404 && o.status !== 413)
        .map((o) => `${o.status} ${o.c.label}`),
    ).toEqual([]);
  });

  it("puts no header or recipient into any mail", async () => {
    const sent = count(app.db, "SELECT count(*) AS n FROM outbox WHERE status = 'sent'");
    expect(count(app.db, "SELECT count(*) AS n FROM outbox WHERE status = 'failed'")).toBe(0);
    expect(sink.count()).toBe(sent);
    expect(sent).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const [i, mail] of sink.messages().entries()) {
      for (const problem of await headerProblems(mail))
        problems.push(`message ${i + 1} to ${mail.rcptTo.join(",")}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps formulas as text in the organisers' exports", async () => {
    const triggers = /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
    const csvResponse = await fetch(`${app.base}/admin/meetings/${meetingId}/export.csv`, {
      headers: { Cookie: cookie },
    });
    expect(csvResponse.status).toBe(200);
    const records: string[][] = parse(await csvResponse.text(), {
      bom: true,
      relax_column_count: true,
    });
    const names = records.slice(1).flatMap((r) => r.slice(0, 2));
    expect(names.some((cell) => cell.startsWith("'="))).toBe(true);
    expect(records.flat().filter((cell) => triggers.test(cell))).toEqual([]);

    const xlsxResponse = await fetch(`${app.base}/admin/meetings/${meetingId}/export.xlsx`, {
      headers: { Cookie: cookie },
    });
    expect(xlsxResponse.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    // XLSX keeps text as typed, in string cells, which no spreadsheet runs: no formula
    // anywhere, and the formula-looking names there as the text they are.
    const live: string[] = [];
    const asText: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula || cell.type === ExcelJS.ValueType.Formula) live.push(cell.address);
          if (cell.type === ExcelJS.ValueType.String && triggers.test(String(cell.value)))
            asText.push(String(cell.value));
        }),
      ),
    );
    expect(live).toEqual([]);
    expect(asText.some((text) => text.startsWith("="))).toBe(true);
  });
});
