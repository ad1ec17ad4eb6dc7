import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";
import { attachClaimOutbox, claimAttendeeMail } from "./attendee-mail-claims";
import { enqueue, markSending, markSent } from "./outbox";
import { insertRegistration } from "./registrations";
import { attachOutbox, claimReminder } from "./reminders";
import { shownDataReader, UNSHOWN_TABLES } from "./shown-data";
import { createTestMeeting, tempDatabase } from "./testing";

const NO_NEEDS = { accessibility: false, interpreter: false, other: false, text: "" };

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function database() {
  const env = tempDatabase();
  cleanup = env.cleanup;
  return env;
}

describe("the shown-data counter", () => {
  it("moves on a write to a table pages show, from this connection or another process's", () => {
    const { db, file } = database();
    const read = shownDataReader(db);
    const before = read();
    const meetingId = createTestMeeting(db);
    const afterMeeting = read();
    expect(afterMeeting).toBeGreaterThan(before);

    // Another connection (a second process would be the same to SQLite): no shared state in JS.
    const other = new Database(file);
    other.prepare("UPDATE meetings SET title = 'Nytt navn' WHERE id = ?").run(meetingId);
    other.close();
    expect(read()).toBeGreaterThan(afterMeeting);
    const afterUpdate = read();
    db.prepare("DELETE FROM meetings WHERE id = ?").run(meetingId);
    expect(read()).toBeGreaterThan(afterUpdate);
  });

  it("stays put while mail is queued, claimed, marked sent and throttled logins are counted", () => {
    const { db } = database();
    const meetingId = createTestMeeting(db);
    const registrationId = insertRegistration(
      db,
      meetingId,
      { name: "Kari", email: "kari@example.no", partySize: 1, needs: NO_NEEDS },
      "confirmed",
      "ABC123",
    );
    const read = shownDataReader(db);
    const before = read();
    const outboxId = enqueue(db, {
      toAddress: "kari@example.no",
      template: "reminder",
      payload: {},
      meetingId,
      registrationId,
    });
    const reminderId = claimReminder(db, registrationId, 24, "2026-12-10T18:00:00.000Z")!;
    attachOutbox(db, reminderId, outboxId);
    claimAttendeeMail(db, registrationId, "stream", "2026-12-10T18:00:00.000Z");
    attachClaimOutbox(db, registrationId, "stream", "2026-12-10T18:00:00.000Z", outboxId);
    markSending(db, outboxId);
    markSent(db, outboxId, "<id@example.no>");
    db.prepare(
      "INSERT INTO login_failures (key, failures, last_failure_at) VALUES ('x', 1, ?)",
    ).run(new Date().toISOString());
    db.prepare("DELETE FROM outbox WHERE id = ?").run(outboxId);
    expect(read()).toBe(before);
  });

  it("watches every table but the unshown ones, a table made after the first open included", () => {
    const { db, file } = database();
    db.exec("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, text TEXT)");
    db.close();
    const reopened = openDatabase(file);
    try {
      const tables = reopened
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'shown_data_generation'",
        )
        .all()
        .map((r) => r.name);
      const triggered = new Set(
        reopened
          .prepare<[], { tbl_name: string }>(
            "SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'shown_data_%'",
          )
          .all()
          .map((r) => r.tbl_name),
      );
      expect(tables).toContain("meetings");
      expect(tables).toContain("later_feature");
      for (const table of tables)
        expect(triggered.has(table)).toBe(!UNSHOWN_TABLES.includes(table));
      const read = shownDataReader(reopened);
      const before = read();
      reopened.prepare("INSERT INTO later_feature (text) VALUES ('x')").run();
      expect(read()).toBe(before + 1);
    } finally {
      reopened.close();
    }
  });
});
