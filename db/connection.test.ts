import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { immediate, migrate, openDatabase, projectRoot, withoutWaitingForDisk } from "./connection";
import { createOldSchemaMeeting, tempDatabase } from "./testing";

let env: ReturnType<typeof tempDatabase> | undefined;
afterEach(() => env?.cleanup());

it("applies every numbered migration once and records it in user_version", () => {
  env = tempDatabase();
  const latest = fs
    .readdirSync(path.join(projectRoot(), "db", "migrations"))
    .filter((f) => /^\d{3}_/.test(f))
    .map((f) => Number(f.slice(0, 3)))
    .sort((a, b) => b - a)[0];
  expect(env.db.pragma("user_version", { simple: true })).toBe(latest);
  expect(migrate(env.db)).toBe(latest);
  expect(env.db.pragma("journal_mode", { simple: true })).toBe("wal");
  expect(env.db.pragma("foreign_keys", { simple: true })).toBe(1);
  expect(env.db.pragma("busy_timeout", { simple: true })).toBe(5000);
  // FULL (2): a sign-up the app has confirmed survives a power cut (NORMAL could lose it).
  expect(env.db.pragma("synchronous", { simple: true })).toBe(2);
  // A 2 MB page cache, not better-sqlite3's 16 MB (ADR 0009).
  expect(env.db.pragma("cache_size", { simple: true })).toBe(-2000);
  // What is deleted is overwritten, not left in free space (1 = ON, not FAST).
  expect(env.db.pragma("secure_delete", { simple: true })).toBe(1);
  env.db.close();
  // Opening again is harmless.
  const again = openDatabase(env.file);
  expect(again.pragma("user_version", { simple: true })).toBe(latest);
  again.close();
});

it("prepares each SQL text once per connection and runs the kept statement again", () => {
  env = tempDatabase();
  const sql = "SELECT count(*) AS n FROM meetings WHERE id > ?";
  const first = env.db.prepare<[number], { n: number }>(sql);
  expect(env.db.prepare(sql)).toBe(first);
  expect(env.db.prepare("SELECT 1 AS one")).not.toBe(first);
  expect(first.get(0)).toEqual({ n: 0 });
  // A kept statement sees tables and columns a later migration adds.
  env.db.exec("ALTER TABLE meetings ADD COLUMN extra TEXT");
  expect(env.db.prepare("SELECT extra FROM meetings").all()).toEqual([]);
  expect(env.db.prepare<[number], { n: number }>(sql).get(0)).toEqual({ n: 0 });
});

it("rewrites a database from before secure_delete once, so what it deleted earlier is gone", () => {
  env = tempDatabase();
  env.db.close();
  fs.rmSync(env.file);
  const old = new Database(env.file);
  old.pragma("journal_mode = WAL");
  migrate(old, 9);
  const meetingId = createOldSchemaMeeting(old);
  const insert = old.prepare(
    `INSERT INTO registrations (meeting_id, name, email, party_size, status, check_in_code,
       created_at, updated_at) VALUES (?, ?, ?, 1, 'confirmed', ?, '', '')`,
  );
  for (let i = 0; i < 50; i++)
    insert.run(meetingId, `Gammel Gjest ${i}`, `gjest${i}@example.no`, `K${i}`);
  old.prepare("DELETE FROM registrations").run();
  old.close();
  const secret = Buffer.from("Gammel Gjest");
  expect(fs.readFileSync(env.file).includes(secret)).toBe(true);

  const db = openDatabase(env.file);
  const bytes = [env.file, `${env.file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f));
  expect(bytes.some((b) => b.includes(secret))).toBe(false);
  expect(db.prepare("SELECT count(*) AS n FROM meetings").get()).toEqual({ n: 1 });
  db.close();
});

it("lets rows remember South Sámi from migration 016 on, keeping every language stored before", () => {
  env = tempDatabase();
  env.db.close();
  fs.rmSync(env.file);
  const old = new Database(env.file);
  migrate(old, 15);
  const meetingId = createOldSchemaMeeting(old);
  const insert = old.prepare(
    `INSERT INTO registrations (meeting_id, name, email, party_size, status, check_in_code,
       created_at, updated_at, language) VALUES (?, ?, ?, 1, 'confirmed', ?, '', '', ?)`,
  );
  insert.run(meetingId, "Nora", "nora@example.no", "AAA-AAA", "nn");
  expect(() => insert.run(meetingId, "Sara", "sara@example.no", "BBB-BBB", "sma")).toThrow(/CHECK/);
  migrate(old);
  insert.run(meetingId, "Sara", "sara@example.no", "BBB-BBB", "sma");
  expect(() => insert.run(meetingId, "X", "x@example.no", "CCC-CCC", "xx")).toThrow(/CHECK/);
  expect(old.prepare("SELECT name, language FROM registrations ORDER BY id").all()).toEqual([
    { name: "Nora", language: "nn" },
    { name: "Sara", language: "sma" },
  ]);
  old.close();
});

it("commits a mail mark without waiting for the disk, and every other write with it", () => {
  env = tempDatabase();
  const db = env.db;
  const synchronous = () => db.pragma("synchronous", { simple: true });
  // NORMAL (1) for the mark alone, FULL (2) again after it, also when it throws.
  expect(withoutWaitingForDisk(db, synchronous)).toBe(1);
  expect(synchronous()).toBe(2);
  expect(() =>
    withoutWaitingForDisk(db, () => {
      throw new Error("mark failed");
    }),
  ).toThrow("mark failed");
  expect(synchronous()).toBe(2);
  // Inside a transaction the transaction's commit decides: FULL, as for a sign-up.
  expect(immediate(db, () => withoutWaitingForDisk(db, synchronous))).toBe(2);
  expect(synchronous()).toBe(2);
});
