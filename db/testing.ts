import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "./connection";
import { insertMeeting, type NewMeeting } from "./meetings";

/** A fresh SQLite file in a temp folder, migrated; removed by the returned cleanup. */
export function tempDatabase(fileName = "test.sqlite"): {
  db: DB;
  file: string;
  dir: string;
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folkemote-test-"));
  const file = path.join(dir, fileName);
  const db = openDatabase(file);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A published meeting a week ahead; override what the test cares about. */
export function createTestMeeting(db: DB, overrides: Partial<NewMeeting> = {}): number {
  counter++;
  const start = new Date(Date.now() + 7 * 24 * 3600_000);
  start.setUTCMinutes(0, 0, 0);
  // A week ahead, and over by midnight in Oslo whatever the hour the tests run: a meeting past
  // midnight has no form the editor accepts (one date, two times).
  const osloHour = Number(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Oslo",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(start),
  );
  if (osloHour >= 22) start.setTime(start.getTime() - (osloHour - 21) * 3600_000);
  return insertMeeting(db, {
    slug: `test-meeting-${process.pid}-${counter}`,
    title: "Testmøte om småhus",
    description: "Et møte for tester.",
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    venueName: "Storstuggu",
    address: "Osloveien 2, 7374 Røros",
    mapUrl: null,
    accessibility: "Trinnfri inngang.",
    capacity: 10,
    maxPartySize: 4,
    status: "published",
    registrationOpensAt: null,
    registrationClosesAt: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    ...overrides,
  });
}

/**
 * A meeting in a database migrated only part of the way (migration tests): just the columns
 * the first migration made, so it fits any later schema.
 */
export function createOldSchemaMeeting(db: DB): number {
  counter++;
  const start = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const end = new Date(Date.now() + 7 * 24 * 3600_000 + 2 * 3600_000).toISOString();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO meetings (slug, title, starts_at, ends_at, venue_name, address, capacity,
         status, created_at, updated_at)
       VALUES (?, 'Testmøte om småhus', ?, ?, 'Storstuggu', 'Osloveien 2, 7374 Røros', 10,
         'published', ?, ?)`,
    )
    .run(`old-meeting-${process.pid}-${counter}`, start, end, start, start);
  return Number(lastInsertRowid);
}
