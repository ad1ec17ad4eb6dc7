import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { migrate, projectRoot } from "../../db/connection";
import { getMeetingBySlug } from "../../db/meetings";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { changeMeetingStatus, deleteDraft } from "./editor.server";
import { ROROS_QUESTION_GUIDANCE, seedDemoMeeting } from "./demo.server";

let env: ReturnType<typeof serviceTestEnv>;
beforeEach(() => {
  env = serviceTestEnv();
});
afterEach(() => env.cleanup());

it("seeds the demo, with its own guidance for askers, on an empty database only", () => {
  expect(seedDemoMeeting(env.db)).toBe(true);
  const demo = getMeetingBySlug(env.db, "smahus-gjosvika")!;
  expect(demo.status).toBe("published");
  expect(demo.questionGuidance).toBe(ROROS_QUESTION_GUIDANCE);
  expect(demo.questionGuidance).toContain("hvem som skal bo i småhusene");
  expect(seedDemoMeeting(env.db)).toBe(false);

  // An organiser takes it down and deletes it: the next start leaves the database empty.
  const organiser = testOrganiser(env.db);
  changeMeetingStatus(env.ctx, organiser, demo.id, "unpublish");
  deleteDraft(env.ctx, organiser, demo.id);
  expect(seedDemoMeeting(env.db)).toBe(false);
  expect(getMeetingBySlug(env.db, "smahus-gjosvika")).toBeUndefined();
});

it("gives an existing install's demo its Røros guidance when migration 008 runs, and no one else's", () => {
  const { dir } = env;
  const db = new Database(path.join(dir, "before-008.sqlite"));
  const migrations = path.join(projectRoot(), "db", "migrations");
  for (const file of fs.readdirSync(migrations).sort()) {
    if (Number.parseInt(file, 10) < 8)
      db.exec(fs.readFileSync(path.join(migrations, file), "utf8"));
  }
  db.pragma("user_version = 7");
  const insert = db.prepare(
    `INSERT INTO meetings (slug, title, starts_at, ends_at, venue_name, address, capacity,
       max_party_size, status, created_at, updated_at)
     VALUES (?, 'Møte', '2027-01-01T18:00:00Z', '2027-01-01T20:00:00Z', 'Storstuggu', 'Røros', 10,
       2, 'published', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  insert.run("smahus-gjosvika");
  insert.run("et-annet-mote");
  migrate(db);
  const guidance = db
    .prepare("SELECT slug, question_guidance AS g FROM meetings ORDER BY slug")
    .all() as { slug: string; g: string }[];
  expect(guidance).toEqual([
    { slug: "et-annet-mote", g: "" },
    { slug: "smahus-gjosvika", g: ROROS_QUESTION_GUIDANCE },
  ]);
  db.close();
});
