import Database from "better-sqlite3";
import fs from "node:fs";
import { afterEach, expect, it } from "vitest";
import { migrate, openDatabase } from "./connection";
import { enqueue, getMessage, listMessages, takeDue } from "./outbox";
import { createOldSchemaMeeting, createTestMeeting, tempDatabase } from "./testing";

let env: ReturnType<typeof tempDatabase> | undefined;
afterEach(() => env?.cleanup());

it("migration 010 gives the mail queued before it its owner, or erases mail nobody owns", () => {
  env = tempDatabase();
  env.db.close();
  fs.rmSync(env.file);
  const old = new Database(env.file);
  migrate(old, 9);
  const a = createOldSchemaMeeting(old);
  const b = createOldSchemaMeeting(old);
  const run = (sql: string, ...params: unknown[]) =>
    Number(old.prepare(sql).run(...params).lastInsertRowid);
  const registration = run(
    `INSERT INTO registrations (meeting_id, name, email, party_size, status, check_in_code,
       created_at, updated_at) VALUES (?, 'Ola', 'ola@example.no', 1, 'confirmed', 'K1', '', '')`,
    b,
  );
  // Ola asked at both meetings; the notice came after the question at B.
  const askedA = run(
    `INSERT INTO questions (meeting_id, original_text, asker_email, created_at, updated_at)
     VALUES (?, 'Første', 'Ola@Example.no', '2026-01-01T00:00:00Z', '')`,
    a,
  );
  const askedB = run(
    `INSERT INTO questions (meeting_id, original_text, asker_email, created_at, updated_at)
     VALUES (?, 'Andre', 'ola@example.no', '2026-02-01T00:00:00Z', '')`,
    b,
  );
  const subscription = run(
    `INSERT INTO case_subscriptions (meeting_id, email, email_key, status, created_at)
     VALUES (?, 'nabo@example.no', 'nabo@example.no', 'pending', '2026-01-01T00:00:00Z')`,
    a,
  );
  // Unsubscribed, but confirmed again through an old confirm link: no address, "confirmed".
  const forgotten = run(
    `INSERT INTO case_subscriptions (meeting_id, email, email_key, status, created_at)
     VALUES (?, '', 'removed:x', 'confirmed', '2026-01-01T00:00:00Z')`,
    a,
  );
  run(
    `INSERT INTO case_subscription_tokens (token_hash, subscription_id, purpose, created_at)
     VALUES ('h1', ?, 'confirm', ''), ('h2', ?, 'unsubscribe', '')`,
    forgotten,
    forgotten,
  );
  const mail = (template: string, to: string, at: string, registrationId: number | null = null) =>
    run(
      `INSERT INTO outbox (created_at, to_address, template, payload, next_attempt_at, registration_id)
       VALUES (?, ?, ?, '{}', ?, ?)`,
      at,
      to,
      template,
      at,
      registrationId,
    );
  const toRegistration = mail(
    "registration",
    "ola@example.no",
    "2026-02-02T00:00:00Z",
    registration,
  );
  const notice = mail("question-notice", "ola@example.no", "2026-03-01T00:00:00Z");
  const confirm = mail("case-confirm", "nabo@example.no", "2026-01-02T00:00:00Z");
  const orphan = mail("case-update", "gone@example.no", "2026-01-03T00:00:00Z");
  old.close();

  const db = openDatabase(env.file);
  const byId = new Map(listMessages(db).map((m) => [m.id, m]));
  expect(byId.get(toRegistration)).toMatchObject({ meetingId: b, registrationId: registration });
  expect(byId.get(notice)).toMatchObject({ meetingId: b, questionId: askedB, purpose: "other" });
  expect(askedA).not.toBe(askedB);
  expect(byId.get(confirm)).toMatchObject({ meetingId: a, subscriptionId: subscription });
  expect(byId.get(orphan)).toMatchObject({
    meetingId: null,
    toAddress: "",
    payload: null,
    status: "dropped",
  });
  expect(db.prepare("SELECT status FROM case_subscriptions WHERE id = ?").get(forgotten)).toEqual({
    status: "unsubscribed",
  });
  expect(
    db
      .prepare("SELECT purpose FROM case_subscription_tokens WHERE subscription_id = ?")
      .all(forgotten),
  ).toEqual([{ purpose: "unsubscribe" }]);
  db.close();
});

it("takeDue hands out each due message once, oldest due first, marked as sending", () => {
  env = tempDatabase();
  const { db } = env;
  const meetingId = createTestMeeting(db);
  const queue = (toAddress: string) =>
    enqueue(db, { toAddress, template: "meeting", payload: {}, meetingId });
  const first = queue("a@example.no");
  const second = queue("b@example.no");
  const later = queue("c@example.no");
  db.prepare("UPDATE outbox SET next_attempt_at = '2999-01-01T00:00:00.000Z' WHERE id = ?").run(
    later,
  );
  db.prepare("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(
    second,
  );

  const taken = [takeDue(db), takeDue(db), takeDue(db)];
  expect(taken.map((m) => m?.id)).toEqual([second, first, undefined]);
  expect(taken[0]).toMatchObject({ status: "sending", toAddress: "b@example.no" });
  expect(getMessage(db, first)?.status).toBe("sending");
  expect(getMessage(db, later)?.status).toBe("pending");
  // Committed without waiting for the disk, and the connection is back at FULL afterwards.
  expect(db.pragma("synchronous", { simple: true })).toBe(2);
});
