import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import {
  confirmedPeople,
  getRegistration,
  insertRegistration,
  peopleFromBrowser,
  peopleFromClient,
  setStatus,
  waitlistPosition,
  type RegistrationFields,
} from "./registrations";
import { createTestMeeting, tempDatabase } from "./testing";

let env: ReturnType<typeof tempDatabase> | undefined;
afterEach(() => env?.cleanup());

const person = (n: number, partySize: number, extra: Partial<RegistrationFields> = {}) => ({
  name: `Person ${n}`,
  email: `person-${n}@example.no`,
  partySize,
  needs: { accessibility: false, interpreter: false, other: false, text: "" },
  clientKey: "hall-wifi",
  browserKey: `browser-${n % 2}`,
  ...extra,
});

it("counts what a sign-up checks from the indexes alone, with the right figures", () => {
  env = tempDatabase();
  const meeting = createTestMeeting(env.db, { capacity: 10 });
  const other = createTestMeeting(env.db, { capacity: 10 });
  const ids: number[] = [];
  for (let n = 0; n < 6; n++) {
    ids.push(
      insertRegistration(
        env.db,
        meeting,
        person(n, n + 1),
        n < 3 ? "confirmed" : "waitlisted",
        `K${n}`,
      ),
    );
  }
  insertRegistration(env.db, other, person(9, 4), "confirmed", "K9");
  insertRegistration(env.db, meeting, person(7, 2, { attendance: "online" }), "waitlisted", "K7");
  setStatus(env.db, ids[1]!, "cancelled", "citizen");

  // A second connection to the same file that logs each statement as SQLite runs it.
  const ran: string[] = [];
  const traced = new Database(env.file, { verbose: (sql) => ran.push(String(sql)) });
  try {
    expect(peopleFromClient(traced, meeting, "hall-wifi")).toBe(1 + 3 + 4 + 5 + 6 + 2);
    expect(peopleFromBrowser(traced, meeting, "browser-1")).toBe(4 + 6 + 2);
    expect(confirmedPeople(traced, meeting, "hall")).toBe(1 + 3);
    const positions = ids
      .slice(3)
      .map((id) => waitlistPosition(traced, getRegistration(traced, id)!));
    expect(positions).toEqual([1, 2, 3]);
    const counts = ran.filter((sql) => /\b(sum|count)\(/.test(sql));
    expect(counts).toHaveLength(6);
    for (const sql of counts) {
      const plan = traced
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => row.detail)
        .join("; ");
      expect(plan, sql).toMatch(/^SEARCH registrations USING COVERING INDEX /);
    }
  } finally {
    traced.close();
  }
});
