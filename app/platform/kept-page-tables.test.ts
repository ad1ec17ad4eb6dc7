// Kept pages stay trusted through writes to tables no shared page reads (db/shown-data.ts, ADR
// 0020): a reminder fan-out marks thousands of mails sent without making the meeting page
// stale. That is right only while no shared page's loaders read those tables. This runs every
// shared page of the built app (`npm run build` first) through its real request handler, for
// meetings in each state, records every SQL statement the loaders prepare, and fails on one
// that names an unshown table.
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { insertQuestion, setStatus } from "../../db/questions";
import { UNSHOWN_TABLES } from "../../db/shown-data";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { seedDemoMeeting } from "../meetings/demo.server";
import { flatRoutes } from "../testing/routes";
import { parseEnv } from "./env.server";
import { isSharedPath } from "./paths";
import type { ServiceContext } from "./service.server";

const env = tempDatabase("folkemote.sqlite");
const statements: string[] = [];
const holder = globalThis as typeof globalThis & { __folkemote?: unknown };
let handle: (request: Request) => Promise<Response>;
const slugs: string[] = [];

beforeAll(async () => {
  const { db } = env;
  seedDemoMeeting(db);
  const hour = 3600_000;
  const at = (offset: number) => new Date(Date.now() + offset).toISOString();
  createTestMeeting(db, { status: "draft" });
  createTestMeeting(db, { status: "cancelled" });
  createTestMeeting(db, { startsAt: at(-hour), endsAt: at(hour) });
  createTestMeeting(db, { startsAt: at(-3 * hour), endsAt: at(-hour) });
  for (const { id, slug } of db
    .prepare<[], { id: number; slug: string }>("SELECT id, slug FROM meetings")
    .all()) {
    slugs.push(slug);
    const question = insertQuestion(db, {
      meetingId: id,
      theme: null,
      text: "Hvem skal bo i småhusene?",
      askerName: "Kari",
      showName: true,
      askerEmail: "kari@example.no",
      source: "web",
    });
    setStatus(db, question, "approved");
  }

  // The running app as the loaders reach it (context.server.ts), its database recording SQL.
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  const config = parseEnv({ DATA_DIR: env.dir, NODE_ENV: "test", SEED_DEMO: "false" });
  const service: ServiceContext = {
    db,
    publicUrl: config.publicUrl,
    mailFrom: config.MAIL_FROM,
    retentionDays: config.RETENTION_DAYS,
    onMailQueued: () => {},
    fillFreeSeats: () => {},
  };
  holder.__folkemote = { env: config, db, service };
  const build = (await import(path.join(projectRoot(), "build/server/index.js"))) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request, { cspNonce: "test", freshness: null });
});
afterAll(() => {
  holder.__folkemote = undefined;
  env.cleanup();
});

/**
 * Every shared page's path (a route that renders a document; a token's page is never kept),
 * one per meeting for those with a slug.
 */
function sharedPagePaths(): string[] {
  const appDir = path.join(projectRoot(), "app");
  const patterns = flatRoutes()
    .filter((r) => r.page && isSharedPath(r.path) && !/:(token|id)\b/.test(r.path))
    .filter((r) => /export default\b/.test(fs.readFileSync(path.join(appDir, r.file), "utf8")))
    .map((r) => r.path);
  return [...new Set(patterns)].flatMap((pattern) =>
    pattern.includes(":slug") ? slugs.map((slug) => pattern.replace(":slug", slug)) : [pattern],
  );
}

const namesUnshownTable = (sql: string) =>
  UNSHOWN_TABLES.filter((table) => new RegExp(`\\b${table}\\b`, "i").test(sql));

describe("shared pages read no table whose writes leave kept pages current", () => {
  it("renders every shared page, the meeting page in every state among them", async () => {
    const paths = sharedPagePaths();
    expect(paths).toContain("/");
    expect(paths.filter((p) => /^\/meetings\/[^/]+$/.test(p))).toHaveLength(slugs.length);
    const rendered: string[] = [];
    for (const pagePath of paths) {
      const response = await handle(new Request(`http://localhost${pagePath}`));
      await response.text();
      if (response.status === 200) rendered.push(pagePath);
    }
    // Drafts answer 404; the rest render, so their loaders ran to the end.
    expect(rendered).toContain("/");
    expect(rendered.filter((p) => /^\/meetings\/[^/]+$/.test(p)).length).toBe(slugs.length - 1);
    expect(statements.some((sql) => /\bFROM meetings\b/i.test(sql))).toBe(true);
    const offending = [...new Set(statements)].filter((sql) => namesUnshownTable(sql).length > 0);
    expect(offending).toEqual([]);
  });

  it("would notice a statement that reads the outbox", () => {
    expect(namesUnshownTable("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).toEqual([
      "outbox",
    ]);
    expect(namesUnshownTable("SELECT * FROM outbox_archive")).toEqual([]);
  });
});
