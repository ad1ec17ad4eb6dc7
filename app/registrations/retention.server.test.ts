import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertAudit, listAudit } from "../../db/audit";
import { getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { countRegistrations, getRegistration, listRegistrations } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { findByToken, type ServiceContext } from "./registrations.server";
import { checkIn } from "./check-in.server";
import { addByOrganiser } from "./organiser-changes.server";
import {
  anonymiseAt,
  retentionStatus,
  runRetention,
  startRetentionJob,
  type RetentionPolicy,
} from "./retention.server";
import { signUp } from "./testing";
import { getQuestion } from "../../db/questions";
import {
  askQuestion,
  findQuestionByToken,
  meetingThemeChoices,
} from "../questions/questions.server";
import { publishAnswers } from "../questions/answers.server";
import { answerQuestion, approveQuestion } from "../questions/moderation.server";
import {
  confirmSubscription,
  findSubscription,
  postCaseUpdate,
  subscribe,
} from "../questions/subscriptions.server";

const DAY = 24 * 3600_000;
let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;
let policy: RetentionPolicy;

beforeEach(() => {
  env = serviceTestEnv({ retentionDays: 30 });
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
  policy = { retentionDays: 30, updatesRetentionDays: 365, outboxDir: `${env.dir}/outbox` };
});

/** The erasure as the hourly job runs it, `daysLater` days from now. */
const erase = (daysLater = 0) =>
  runRetention(env.db, policy, new Date(Date.now() + daysLater * DAY));
afterEach(() => env.cleanup());

const needs = {
  accessibility: true,
  interpreter: false,
  other: true,
  text: "Trenger rullestolplass",
};

/** A meeting with a citizen (checked in), a phoned-in guest with a note, and one waiting. */
function meetingWithAttendees() {
  const meetingId = createTestMeeting(env.db, { capacity: 3 });
  const a = signUp(
    ctx,
    meetingId,
    { name: "Astrid Aas", email: "astrid@example.no", partySize: 2, needs },
    { clientKey: "k1" },
  );
  const p = addByOrganiser(ctx, organiser, meetingId, {
    name: "Per Telefon",
    email: null,
    phone: "72 41 00 00",
    partySize: 1,
    needs,
    note: "Ringte, hørselshemmet",
  });
  const w = signUp(
    ctx,
    meetingId,
    { name: "Wenche Venter", email: "wenche@example.no", partySize: 1, needs },
    { clientKey: "k2" },
  );
  checkIn(ctx, organiser, a.registration.id, 2);
  return { meetingId, a, p, w };
}

function endedDaysAgo(meetingId: number, days: number) {
  const end = Date.now() - days * DAY;
  env.db
    .prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?")
    .run(new Date(end - 2 * 3600_000).toISOString(), new Date(end).toISOString(), meetingId);
}

describe("runRetention", () => {
  it("erases attendees' personal data RETENTION_DAYS after the meeting, keeping the counts", () => {
    const { meetingId, a, p, w } = meetingWithAttendees();
    const counts = countRegistrations(env.db, meetingId);
    endedDaysAgo(meetingId, 31);

    expect(erase().registrations).toBe(3);

    for (const r of listRegistrations(env.db, meetingId)) {
      expect(r).toMatchObject({ name: "", email: null, phone: null, note: "", clientKey: null });
      expect(r.needs.text).toBe("");
      expect(r.anonymisedAt).not.toBeNull();
    }
    // Counts, ticked needs and check-ins are what the municipality keeps.
    expect(countRegistrations(env.db, meetingId)).toEqual(counts);
    expect(getRegistration(env.db, a.registration.id)).toMatchObject({
      partySize: 2,
      status: "confirmed",
      needs: { accessibility: true, other: true },
    });
    expect(getRegistration(env.db, a.registration.id)!.checkedInAt).not.toBeNull();
    // Personal links stop working.
    expect(findByToken(env.db, a.token)).toBeUndefined();
    expect(findByToken(env.db, w.token)).toBeUndefined();
    // Mail about them keeps no address, name or content.
    const mails = listMessages(env.db);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails)
      expect(m).toMatchObject({ toAddress: "", toName: null, payload: null, ical: null });
    // Nor does the audit log name them.
    const logged = listAudit(env.db, { limit: 50 }).filter((e) => e.meetingId === meetingId);
    expect(logged.map((e) => e.target)).not.toContain(p.name);
    expect(JSON.stringify(logged)).not.toMatch(/Astrid|Per Telefon|Wenche/);

    const raw =
      JSON.stringify(env.db.prepare("SELECT * FROM registrations").all()) +
      JSON.stringify(env.db.prepare("SELECT * FROM outbox").all());
    for (const secret of [
      "Astrid",
      "astrid@example.no",
      "72 41 00 00",
      "hørselshemmet",
      "rullestol",
      "Wenche",
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it("leaves meetings alone until their retention has run out, and other meetings' mail", () => {
    const old = meetingWithAttendees();
    const recent = createTestMeeting(env.db);
    const r = signUp(ctx, recent, {
      name: "Rita Ny",
      email: "astrid@example.no",
      partySize: 1,
      needs,
    });
    endedDaysAgo(old.meetingId, 29);
    expect(erase().registrations).toBe(0);
    expect(getRegistration(env.db, old.a.registration.id)!.name).toBe("Astrid Aas");

    endedDaysAgo(old.meetingId, 30.5);
    expect(erase().registrations).toBe(3);
    // The same address signed up for an upcoming meeting keeps that registration and its mail.
    expect(getRegistration(env.db, r.registration.id)!.email).toBe("astrid@example.no");
    expect(listMessages(env.db).filter((m) => m.toAddress === "astrid@example.no")).toHaveLength(1);
    // Running again finds nothing more.
    expect(erase()).toEqual({ registrations: 0, askers: 0, subscriptions: 0, mails: 0, files: 0 });
  });

  it("tells the dashboard when the data goes, and when it went", () => {
    const { meetingId } = meetingWithAttendees();
    const meeting = getMeetingById(env.db, meetingId)!;
    expect(retentionStatus(env.db, meeting, 30)).toEqual({
      anonymiseAt: new Date(Date.parse(meeting.endsAt) + 30 * DAY).toISOString(),
      anonymisedAt: null,
    });
    expect(anonymiseAt(meeting, 30)).toBe(retentionStatus(env.db, meeting, 30).anonymiseAt);
    endedDaysAgo(meetingId, 40);
    erase();
    expect(
      retentionStatus(env.db, getMeetingById(env.db, meetingId)!, 30).anonymisedAt,
    ).not.toBeNull();
  });

  it("runs in the server process on its own timer, which stops", async () => {
    const { meetingId, a } = meetingWithAttendees();
    endedDaysAgo(meetingId, 31);
    insertAudit(env.db, {
      organiserId: null,
      actor: "test",
      action: "registration.note",
      meetingId,
      target: "Astrid Aas",
    });
    // Its first run, soon after the start, says what it erased.
    let job: ReturnType<typeof startRetentionJob> | undefined;
    const said = await new Promise<string>((resolve, reject) => {
      job = startRetentionJob(env.db, policy, {
        intervalMs: 60_000,
        log: { info: resolve, error: reject },
      });
    });
    job!.stop();
    expect(said).toMatch(/^Retention: erased \d+ registration\(s\)/);
    expect(getRegistration(env.db, a.registration.id)!.name).toBe("");
  });
});

/** A question on the meeting's first theme from an asker who gave name and address. */
function askNamed(
  meetingId: number,
  text: string,
  name: string,
  email: string,
  { showName = false } = {},
) {
  const meeting = getMeetingById(env.db, meetingId)!;
  const themeValue = meetingThemeChoices(env.db, meeting)[0]!.value;
  const input = { themeValue, text, name, showName, email, source: "web" as const };
  return askQuestion(ctx, meetingId, input, `supporter-${email}`);
}

describe("askers of questions", () => {
  it("are erased with the attendees, while their questions and answers stay", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 3 });
    const asked = askNamed(meetingId, "Hvor blir parkeringen?", "Ola Spør", "ola@example.no", {
      showName: true,
    });
    const meeting = getMeetingById(env.db, meetingId)!;
    approveQuestion(ctx, organiser, asked.question.id);
    answerQuestion(ctx, organiser, asked.question.id, "Bak sykehjemmet.");
    expect(publishAnswers(ctx, organiser, meeting)).toBe(1);
    // The receipt with the private link, never sent here, and the notice of the answer.
    expect(listMessages(env.db)).toMatchObject([
      { template: "question-receipt", questionId: asked.question.id, meetingId },
      { template: "question-notice", questionId: asked.question.id, meetingId },
    ]);
    endedDaysAgo(meetingId, 31);

    expect(erase()).toMatchObject({ askers: 1, mails: 2 });

    const question = getQuestion(env.db, asked.question.id)!;
    expect(question).toMatchObject({ askerName: null, askerEmail: null, showName: false });
    expect(question.originalText).toBe("Hvor blir parkeringen?");
    expect(question.answer).toBe("Bak sykehjemmet.");
    expect(findQuestionByToken(env.db, asked.token)).toBeUndefined();
    const raw =
      JSON.stringify(env.db.prepare("SELECT * FROM questions").all()) +
      JSON.stringify(env.db.prepare("SELECT * FROM outbox").all());
    expect(raw).not.toMatch(/Ola Spør|ola@example\.no/);
    expect(raw).not.toContain(asked.token);
    expect(listMessages(env.db).map((m) => m.status)).toEqual(["dropped", "dropped"]);
  });

  it("are kept until the retention has run out", () => {
    const meetingId = createTestMeeting(env.db);
    const asked = askNamed(meetingId, "Når starter byggingen?", "Kari", "kari@example.no");
    endedDaysAgo(meetingId, 29);
    erase();
    expect(getQuestion(env.db, asked.question.id)).toMatchObject({
      askerName: "Kari",
      askerEmail: "kari@example.no",
    });
  });

  it("take only their own mail: the same address signed up for another meeting keeps its", () => {
    // Ola asks at meeting A, and signs up for meeting B with the same address.
    const a = createTestMeeting(env.db);
    const b = createTestMeeting(env.db);
    askNamed(a, "Hvor mange hus blir det?", "Ola", "ola@example.no");
    subscribe(ctx, getMeetingById(env.db, a)!, "ola@example.no");
    const atB = signUp(ctx, b, { name: "Ola", email: "ola@example.no", partySize: 1, needs });
    subscribe(ctx, getMeetingById(env.db, b)!, "ola@example.no");
    const before = listMessages(env.db).filter((m) => m.meetingId === b);
    expect(before.map((m) => m.template).sort()).toEqual(["case-confirm", "registration"]);
    endedDaysAgo(a, 31);

    // A's mail: the asker's receipt and the unconfirmed request for updates.
    expect(erase()).toMatchObject({ askers: 1, subscriptions: 1, mails: 2 });

    // B's pending confirmation still goes to her, with her personal link.
    expect(listMessages(env.db).filter((m) => m.meetingId === b)).toEqual(before);
    const confirmation = before.find((m) => m.template === "registration")!;
    expect(confirmation).toMatchObject({ status: "pending", toAddress: "ola@example.no" });
    expect(confirmation.payload).toContain(`/r/${atB.token}`);
    expect(getRegistration(env.db, atB.registration.id)!.email).toBe("ola@example.no");
    // A's request for updates went with A's retention: it was never confirmed.
    expect(listMessages(env.db).filter((m) => m.meetingId === a)).toMatchObject([
      { template: "question-receipt", toAddress: "", payload: null, status: "dropped" },
      { template: "case-confirm", toAddress: "", payload: null, status: "dropped" },
    ]);
  });
});

describe("subscribers to updates about the case", () => {
  function subscribed(meetingId: number, email: string) {
    const meeting = getMeetingById(env.db, meetingId)!;
    subscribe(ctx, meeting, email);
    const mail = listMessages(env.db).findLast((m) => m.template === "case-confirm")!;
    const token = /\/updates\/confirm\/([\w-]+)/.exec(mail.payload!)![1]!;
    const found = findSubscription(env.db, "confirm", token)!;
    confirmSubscription(env.db, found.subscription);
    return { subscription: found.subscription, token };
  }
  const addresses = (meetingId: number) =>
    env.db
      .prepare("SELECT email FROM case_subscriptions WHERE meeting_id = ? ORDER BY id")
      .all(meetingId)
      .map((r) => (r as { email: string }).email);

  it("are kept after the meeting until the case has been quiet for UPDATES_RETENTION_DAYS", () => {
    const meetingId = createTestMeeting(env.db);
    const { subscription, token } = subscribed(meetingId, "nabo@example.no");
    subscribe(ctx, getMeetingById(env.db, meetingId)!, "aldri.bekreftet@example.no");
    endedDaysAgo(meetingId, 31);

    // The meeting's retention takes the unconfirmed request only.
    expect(erase()).toMatchObject({ subscriptions: 1 });
    expect(addresses(meetingId)).toEqual(["nabo@example.no", ""]);

    // An update 200 days on keeps the subscription a year past it.
    const meeting = getMeetingById(env.db, meetingId)!;
    expect(postCaseUpdate(ctx, organiser, meeting, { title: "Vedtak", body: "Vedtatt." })).toBe(1);
    env.db
      .prepare("UPDATE case_updates SET created_at = ?")
      .run(new Date(Date.now() + 200 * DAY).toISOString());
    expect(erase(364)).toMatchObject({ subscriptions: 0 });
    expect(addresses(meetingId)[0]).toBe("nabo@example.no");

    expect(erase(200 + 366)).toMatchObject({ subscriptions: 1, mails: 2 });
    expect(addresses(meetingId)).toEqual(["", ""]);
    expect(JSON.stringify(listMessages(env.db))).not.toContain("nabo@example.no");
    // Its links say it has ended; none can confirm it again.
    expect(findSubscription(env.db, "confirm", token)).toBeUndefined();
    expect(
      env.db.prepare("SELECT status FROM case_subscriptions WHERE id = ?").get(subscription.id),
    ).toEqual({ status: "unsubscribed" });
  });
});
