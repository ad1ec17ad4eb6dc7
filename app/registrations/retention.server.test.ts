import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertAudit, listAudit } from "../../db/audit";
import { getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { countRegistrations, getRegistration, listRegistrations } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { addByOrganiser, checkIn, findByToken, type ServiceContext } from "./registrations.server";
import {
  anonymiseAt,
  anonymiseEndedMeetings,
  retentionStatus,
  startRetentionJob,
} from "./retention.server";
import { signUp } from "./testing";
import { getQuestion } from "../../db/questions";
import {
  askQuestion,
  findQuestionByToken,
  meetingThemeChoices,
} from "../questions/questions.server";

const DAY = 24 * 3600_000;
let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv({ retentionDays: 30 });
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
});
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

describe("anonymiseEndedMeetings", () => {
  it("erases attendees' personal data RETENTION_DAYS after the meeting, keeping the counts", () => {
    const { meetingId, a, p, w } = meetingWithAttendees();
    const counts = countRegistrations(env.db, meetingId);
    endedDaysAgo(meetingId, 31);

    expect(anonymiseEndedMeetings(env.db, 30)).toBe(3);

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
    expect(anonymiseEndedMeetings(env.db, 30)).toBe(0);
    expect(getRegistration(env.db, old.a.registration.id)!.name).toBe("Astrid Aas");

    endedDaysAgo(old.meetingId, 30.5);
    expect(anonymiseEndedMeetings(env.db, 30)).toBe(3);
    // The same address signed up for an upcoming meeting keeps that registration and its mail.
    expect(getRegistration(env.db, r.registration.id)!.email).toBe("astrid@example.no");
    expect(listMessages(env.db).filter((m) => m.toAddress === "astrid@example.no")).toHaveLength(1);
    // Running again finds nothing more.
    expect(anonymiseEndedMeetings(env.db, 30)).toBe(0);
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
    anonymiseEndedMeetings(env.db, 30);
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
    const job = startRetentionJob(env.db, 30, {
      intervalMs: 60_000,
      log: { info: () => {}, error: () => {} },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    job.stop();
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
    env.db
      .prepare(
        `INSERT INTO outbox (created_at, to_address, to_name, template, payload, next_attempt_at)
       VALUES (?, 'ola@example.no', 'Ola Spør', 'question-answered', '{"x":1}', ?)`,
      )
      .run(new Date().toISOString(), new Date().toISOString());
    endedDaysAgo(meetingId, 31);

    anonymiseEndedMeetings(env.db, 30);

    const question = getQuestion(env.db, asked.question.id)!;
    expect(question).toMatchObject({ askerName: null, askerEmail: null, showName: false });
    expect(question.originalText).toBe("Hvor blir parkeringen?");
    expect(findQuestionByToken(env.db, asked.token)).toBeUndefined();
    const raw =
      JSON.stringify(env.db.prepare("SELECT * FROM questions").all()) +
      JSON.stringify(env.db.prepare("SELECT * FROM outbox").all());
    expect(raw).not.toMatch(/Ola Spør|ola@example\.no/);
  });

  it("are kept until the retention has run out", () => {
    const meetingId = createTestMeeting(env.db);
    const asked = askNamed(meetingId, "Når starter byggingen?", "Kari", "kari@example.no");
    endedDaysAgo(meetingId, 29);
    anonymiseEndedMeetings(env.db, 30);
    expect(getQuestion(env.db, asked.question.id)).toMatchObject({
      askerName: "Kari",
      askerEmail: "kari@example.no",
    });
  });
});
