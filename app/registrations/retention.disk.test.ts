/**
 * Erased means gone from the disk: after the retention job has run, no byte of an erased
 * person's name, address or phone number is left in the SQLite file, its WAL, the outbox
 * folder of `.eml` files or the audit log. People whose retention has not run out are still
 * there, byte for byte, so the search would find what it looks for.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { getMeetingById } from "../../db/meetings";
import { listMessages } from "../../db/outbox";
import { createTestMeeting } from "../../db/testing";
import { createMailer } from "../../emails/transport";
import { readEml, retryMessage } from "../mail/outbox-view.server";
import { sendMessageToAttendees } from "../notices/notices.server";
import { createMailWorker } from "../mail/worker.server";
import { askQuestion, meetingThemeChoices } from "../questions/questions.server";
import { publishAnswers } from "../questions/answers.server";
import { answerQuestion, approveQuestion } from "../questions/moderation.server";
import {
  confirmSubscription,
  findSubscription,
  subscribe,
} from "../questions/subscriptions.server";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { checkIn } from "./check-in.server";
import { addByOrganiser, editByOrganiser } from "./organiser-changes.server";
import { startRetentionJob } from "./retention.server";
import { signUp } from "./testing";

const DAY = 24 * 3600_000;
let env: ReturnType<typeof serviceTestEnv>;

beforeEach(() => {
  env = serviceTestEnv({ retentionDays: 30 });
});
afterEach(() => env.cleanup());

/** Every byte the app keeps on disk: the database, its WAL and index, the outbox folder. */
function disk(outboxDir: string) {
  const files = [env.file, `${env.file}-wal`, `${env.file}-shm`].filter((f) => fs.existsSync(f));
  const database = Buffer.concat(files.map((f) => fs.readFileSync(f)));
  const mails = fs.existsSync(outboxDir)
    ? fs.readdirSync(outboxDir).map((f) => fs.readFileSync(path.join(outboxDir, f)))
    : [];
  return { database, outbox: Buffer.concat(mails), emlFiles: mails.length };
}

const found = (bytes: Buffer, texts: string[]) =>
  texts.filter((text) => bytes.includes(Buffer.from(text, "utf8")));

it("leaves no byte of an erased person in the database file, the WAL, the .eml files or the audit log", async () => {
  const { ctx, db } = env;
  const organiser = testOrganiser(db);
  const outboxDir = path.join(env.dir, "outbox");
  const worker = createMailWorker({
    db,
    mailer: createMailer({ outboxDir, from: "Røros kommune <post@roros.kommune.no>" }),
    log: () => {},
  });
  const ended = createTestMeeting(db, { capacity: 10 });
  const upcoming = createTestMeeting(db);
  const needs = {
    accessibility: true,
    interpreter: false,
    other: true,
    text: "Trenger teleslynge",
  };

  // Ola signs up, asks with name and address, and asks for updates without confirming.
  const ola = signUp(ctx, ended, {
    name: "Ola Slettesen",
    email: "ola.slettesen@example.no",
    partySize: 2,
    needs,
  });
  editByOrganiser(ctx, organiser, ola.registration.id, {
    name: "Ola Slettesen",
    email: "ola.slettesen@example.no",
    phone: "+47 412 34 567",
    partySize: 2,
    needs,
    note: "Ringte om parkering for bobil",
  });
  const meeting = getMeetingById(db, ended)!;
  const asked = askQuestion(
    ctx,
    ended,
    {
      themeValue: meetingThemeChoices(db, meeting)[0]!.value,
      text: "Hvor mange hus blir det?",
      name: "Ola Slettesen",
      showName: true,
      email: "ola.slettesen@example.no",
      source: "web",
    },
    "supporter-ola",
  );
  subscribe(ctx, meeting, "ola.slettesen@example.no");
  // Per phones in; an organiser adds him with his number and a note.
  const per = addByOrganiser(ctx, organiser, ended, {
    name: "Per Ringesen",
    email: null,
    phone: "72 41 99 99",
    partySize: 1,
    needs,
    note: "Hørselshemmet, sitter foran",
  });
  checkIn(ctx, organiser, per.id, 1);
  checkIn(ctx, organiser, ola.registration.id, 1);
  // Nina's confirmed subscription outlives the meeting; Berit's meeting has not ended.
  subscribe(ctx, meeting, "nina.naboen@example.no");
  const ninaToken = /\/updates\/confirm\/([\w-]+)/.exec(
    listMessages(db).findLast((m) => m.template === "case-confirm")!.payload!,
  )![1]!;
  confirmSubscription(db, findSubscription(db, "confirm", ninaToken)!.subscription);
  signUp(ctx, upcoming, {
    name: "Berit Beholdesen",
    email: "berit.beholdesen@example.no",
    partySize: 1,
    needs: { ...needs, text: "Trenger godt lys" },
  });

  // Ola's confirmation bounced once (the SMTP error quotes her address) and was retried.
  const confirmation = listMessages(db).find((m) => m.registrationId === ola.registration.id)!;
  db.prepare("UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?").run(
    "550 5.2.2 <ola.slettesen@example.no>: mailbox full",
    confirmation.id,
  );
  expect(retryMessage(ctx, organiser, ended, confirmation.id)).toBe(true);
  approveQuestion(ctx, organiser, asked.question.id);
  answerQuestion(ctx, organiser, asked.question.id, "Åtte hus.");
  publishAnswers(ctx, organiser, meeting);
  sendMessageToAttendees(ctx, organiser, ended, {
    audience: "all",
    subject: "Husk møtet",
    message: "Vi ses i Storstuggu.",
  });
  await worker.runOnce();
  // An organiser read her mail in the outbox view (audit-logged with her address).
  expect(await readEml(db, organiser, outboxDir, ended, confirmation.id)).not.toBeNull();

  const erasedPeople = [
    "Ola Slettesen",
    "ola.slettesen@example.no",
    "+47 412 34 567",
    "Ringte om parkering",
    "Per Ringesen",
    "72 41 99 99",
    "Hørselshemmet",
    "Trenger teleslynge",
  ];
  const keptPeople = [
    "Berit Beholdesen",
    "berit.beholdesen@example.no",
    "Trenger godt lys",
    "nina.naboen@example.no",
  ];
  const before = disk(outboxDir);
  expect(found(before.database, [...erasedPeople, ...keptPeople])).toEqual([
    ...erasedPeople,
    ...keptPeople,
  ]);
  expect(found(before.outbox, ["Ola Slettesen", "ola.slettesen@example.no"])).toHaveLength(2);
  // Her question's receipt, with its private link, was written as a file too.
  expect(found(before.outbox, [asked.token])).toEqual([asked.token]);
  const audited = JSON.stringify(db.prepare("SELECT * FROM audit_log").all());
  expect(audited).toContain("ola.slettesen@example.no");
  expect(audited).toContain("Per Ringesen");

  const end = Date.now() - 31 * DAY;
  db.prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?").run(
    new Date(end - 2 * 3600_000).toISOString(),
    new Date(end).toISOString(),
    ended,
  );
  const job = startRetentionJob(
    db,
    { retentionDays: 30, updatesRetentionDays: 365, outboxDir },
    { log: { info: () => {}, error: (...args: unknown[]) => console.error(...args) } },
  );
  job.stop();
  job.runOnce();

  const after = disk(outboxDir);
  expect(found(after.database, erasedPeople)).toEqual([]);
  expect(found(after.outbox, [...erasedPeople, asked.token])).toEqual([]);
  expect(JSON.stringify(db.prepare("SELECT * FROM audit_log").all())).not.toMatch(
    /Slettesen|Ringesen/,
  );
  // The WAL was emptied into the file, so no older copy of a page is left in it.
  expect(fs.statSync(`${env.file}-wal`).size).toBe(0);
  // Those whose retention has not run out keep everything, their mail file too.
  expect(found(after.database, keptPeople)).toEqual(keptPeople);
  expect(found(after.outbox, ["berit.beholdesen@example.no"])).toHaveLength(1);
  expect(after.emlFiles).toBeLessThan(before.emlFiles);
});
