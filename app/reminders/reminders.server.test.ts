import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { getMeetingById } from "../../db/meetings";
import { listMessages } from "../../db/outbox";
import { remindersFor } from "../../db/reminders";
import { createTestMeeting } from "../../db/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createMailer, type Mailer } from "../../emails/transport";
import { createMailWorker } from "../mail/worker.server";
import { toFormValues, updateMeetingFromForm } from "../meetings/editor.server";
import { formatDateTime, osloToUtc } from "../platform/dates";
import { meetingSchema } from "../meetings/forms";
import type { ServiceContext } from "../platform/service.server";
import { cancelRegistration, register } from "../registrations/registrations.server";
import { makeRemindersDue } from "../testing/reminders";
import {
  createReminderScheduler,
  reminderDue,
  queueDueReminders,
  queueDueRemindersInTurn,
  reminderDueAt,
  reminderSchedule,
  withholdStaleReminders,
} from "./reminders.server";

const FROM = "Røros kommune <postmottak@roros.kommune.no>";
const HOUR = 3_600_000;
const LENGTH = 45 * 60_000;

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let sink: SmtpSink;
const mailers: Mailer[] = [];

beforeEach(async () => {
  env = serviceTestEnv({ mailFrom: FROM });
  ctx = env.ctx;
  sink = await startSmtpSink();
});
afterEach(async () => {
  for (const m of mailers.splice(0)) m.close();
  await sink.stop();
  env.cleanup();
});

function deliver(c: ServiceContext = ctx) {
  const mailer = createMailer({ smtpUrl: sink.url, outboxDir: env.dir, from: FROM });
  mailers.push(mailer);
  return createMailWorker({
    db: c.db,
    mailer,
    log: () => {},
    withhold: withholdStaleReminders(c.db),
  }).runOnce();
}

/**
 * A meeting starting `hoursAhead` from now (whole hours), with the given reminder offsets. It
 * lasts 45 minutes, so it ends on the day it starts at whatever hour the tests run (a meeting
 * over midnight has no form the editor accepts, and a subject that names both days).
 */
function meetingIn(hoursAhead: number, reminderHours = [168, 24], capacity = 10) {
  const start = new Date(Date.now() + hoursAhead * HOUR);
  start.setUTCMinutes(0, 0, 0);
  return createTestMeeting(ctx.db, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + LENGTH).toISOString(),
    reminderHours,
    capacity,
    maxPartySize: Math.min(4, capacity),
    accessibility: "Trinnfri inngang fra Osloveien. Teleslynge i salen.",
    whatToBring: "Ta gjerne med spørsmål skriftlig. Kaffe fra kl. 18.30.",
  });
}

/** A minute after the reminder `hours` before the meeting falls due. */
function at(meetingId: number, hours: number) {
  const due = reminderDueAt(getMeetingById(ctx.db, meetingId)!.startsAt, hours);
  return new Date(due.getTime() + 60_000);
}

const reminders = (mails: ParsedMail[]) => mails.filter((m) => m.subject?.startsWith("Påminnelse"));
const to = (m: ParsedMail) => JSON.stringify(m.to);

function person(meetingId: number, name: string, email: string, partySize = 1) {
  const outcome = register(ctx, meetingId, { name, email, partySize, needs: noNeeds });
  if (outcome.kind === "known") throw new Error(`${email} was already registered`);
  return outcome.registration;
}

describe("reminders", () => {
  it("in a large fan-out, let other work run between batches, and stop cleanly on shutdown", async () => {
    const id = meetingIn(240, [24], 1000);
    for (let i = 0; i < 450; i++) person(id, `Person ${i}`, `p${i}@example.no`);
    makeRemindersDue(ctx.db, id);
    const queuedNow = () =>
      ctx.db
        .prepare<[], { n: number }>(
          "SELECT count(*) AS n FROM reminders WHERE outbox_id IS NOT NULL",
        )
        .get()!.n;

    // Work that arrives while the fan-out runs (a page request) gets its turn before the end.
    let seenMidway = -1;
    setImmediate(() => (seenMidway = queuedNow()));
    let stop = false;
    setImmediate(() => setImmediate(() => (stop = true)));
    const first = await queueDueRemindersInTurn(ctx, new Date(), () => stop);
    expect(seenMidway).toBeGreaterThan(0);
    expect(seenMidway).toBeLessThan(450);
    // Stopped between batches: what was claimed was queued, the rest waits for the next run.
    expect(first).toBeLessThan(450);
    expect(queuedNow()).toBe(first);
    expect(await queueDueRemindersInTurn(ctx)).toBe(450 - first);
    expect(await queueDueRemindersInTurn(ctx)).toBe(0);
    expect(queuedNow()).toBe(450);
  });

  it("go out exactly once per registration and offset, across two runs and a restart", async () => {
    const id = meetingIn(240);
    person(id, "Kari Nordmann", "kari@example.no", 2);
    await deliver();
    const dayBefore = at(id, 24);
    const startsAt = getMeetingById(ctx.db, id)!.startsAt;
    expect(queueDueReminders(ctx, dayBefore)).toBe(1);
    expect(queueDueReminders(ctx, dayBefore)).toBe(0);
    await deliver();

    // A restart: the same file opened anew, a new scheduler.
    env.db.close();
    const reopened = openDatabase(env.file);
    const ctx2 = { ...ctx, db: reopened };
    expect(createReminderScheduler(ctx2, { log: () => {} }).runOnce(dayBefore)).toBe(0);
    expect(
      createReminderScheduler(ctx2, { log: () => {} }).runOnce(
        new Date(dayBefore.getTime() + HOUR),
      ),
    ).toBe(0);
    await deliver(ctx2);
    reopened.close();

    const mails = await sink.waitFor(2);
    const sent = reminders(mails);
    expect(sent).toHaveLength(1);
    const reminder = sent[0]!;
    expect(reminder.subject).toMatch(
      /^Påminnelse: Testmøte om småhus, \S+ \d+\. \S+ \d{4} kl\. \d\d\.\d\d–\d\d\.\d\d$/,
    );
    expect(reminder.text).toContain("Vi har plass til 2 personer");
    expect(reminder.text).toContain("Storstuggu, Osloveien 2, 7374 Røros");
    expect(reminder.text).toContain("Trinnfri inngang fra Osloveien. Teleslynge i salen.");
    expect(reminder.text).toContain("Ta gjerne med spørsmål skriftlig. Kaffe fra kl. 18.30.");
    expect(reminder.html).toMatch(
      /id="manage-link"[^>]*href="https:\/\/moter\.roros\.kommune\.no\/r\/[A-Za-z0-9_-]{43}"|href="https:\/\/moter\.roros\.kommune\.no\/r\/[A-Za-z0-9_-]{43}"[^>]*id="manage-link"/,
    );
    const part = reminder.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    const vevent = new ICAL.Component(
      ICAL.parse(part.content.toString("utf8")),
    ).getFirstSubcomponent("vevent")!;
    expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe(
      startsAt,
    );
  });

  it("send only the most recent due offset when several are due at once", () => {
    const id = meetingIn(240, [168, 24]);
    const r = person(id, "Kari Nordmann", "kari@example.no");
    expect(queueDueReminders(ctx, at(id, 24))).toBe(1);
    expect(remindersFor(ctx.db, r.id).map((x) => x.hours)).toEqual([24]);
    expect(queueDueReminders(ctx, at(id, 2))).toBe(0);
    expect(
      reminderSchedule(ctx.db, getMeetingById(ctx.db, id)!).map(({ hours, sent }) => ({
        hours,
        sent,
      })),
    ).toEqual([
      { hours: 168, sent: 0 },
      { hours: 24, sent: 1 },
    ]);
  });

  it("skip cancelled registrations, including one cancelled after its reminder was queued", async () => {
    const id = meetingIn(240);
    const kari = person(id, "Kari Nordmann", "kari@example.no");
    const ola = person(id, "Ola Nordmann", "ola@example.no");
    cancelRegistration(ctx, kari.id);
    expect(queueDueReminders(ctx, at(id, 168))).toBe(1);
    cancelRegistration(ctx, ola.id);
    await deliver();
    const mails = sink.received;
    expect(reminders(mails)).toHaveLength(0);
    const dropped = listMessages(ctx.db).filter((m) => m.status === "dropped");
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.lastError).toBe("registration cancelled");
  });

  it("skip people who signed up after or just before the reminder time", () => {
    // The day-before reminder falls due 6 hours from now: a sign-up now is too late for it.
    const id = meetingIn(30, [24]);
    person(id, "Kari Nordmann", "kari@example.no");
    expect(queueDueReminders(ctx, at(id, 24))).toBe(0);
    const meeting = { startsAt: "2027-01-14T18:00:00.000Z", reminderHours: "[24]" };
    // Due at 18.00 the day before; twelve hours before that is the last sign-up it is for.
    expect(reminderDue(meeting, new Date("2027-01-13T17:59:00.000Z"))).toBeNull();
    expect(reminderDue(meeting, new Date("2027-01-13T18:01:00.000Z"))).toEqual({
      hours: 24,
      signedUpBy: "2027-01-13T06:00:00.000Z",
    });
  });

  it("send only the most recent due offset, each once, the week's claim not stopping the day's", () => {
    const id = meetingIn(24 * 10, [168, 24, 2]);
    person(id, "Kari Nordmann", "kari@example.no");
    // A scheduler down for the week reminder sends only the day one, then nothing more.
    expect(queueDueReminders(ctx, at(id, 24))).toBe(1);
    expect(queueDueReminders(ctx, at(id, 24))).toBe(0);
    expect(queueDueReminders(ctx, at(id, 2))).toBe(1);
    expect(queueDueReminders(ctx, at(id, 2))).toBe(0);
    const sent = ctx.db
      .prepare("SELECT hours FROM reminders ORDER BY hours DESC")
      .all()
      .map((r) => (r as { hours: number }).hours);
    expect(sent).toEqual([24, 2]);
  });

  it("give the waitlist its own wording and no calendar part", async () => {
    const id = meetingIn(240, [24], 1);
    person(id, "Kari Nordmann", "kari@example.no");
    person(id, "Ola Venter", "ola@example.no");
    expect(queueDueReminders(ctx, at(id, 24))).toBe(2);
    await deliver();
    const mails = await sink.waitFor(4);
    const ola = reminders(mails).find((m) => to(m).includes("ola@"))!;
    expect(ola.text).toContain(
      "Du står fortsatt på ventelisten som nummer 1, så du har ikke plass ennå.",
    );
    expect(ola.attachments.filter((a) => a.contentType.startsWith("text/calendar"))).toHaveLength(
      0,
    );
    const kari = reminders(mails).find((m) => to(m).includes("kari@"))!;
    expect(kari.attachments.filter((a) => a.contentType.startsWith("text/calendar"))).toHaveLength(
      1,
    );
  });

  it("drop a stale reminder when the meeting moves, and send the new one at the new time", async () => {
    const id = meetingIn(240, [24]);
    const kari = person(id, "Kari Nordmann", "kari@example.no");
    const oldDue = at(id, 24);
    expect(queueDueReminders(ctx, oldDue)).toBe(1);

    // Before the worker got to it, the organiser moves the meeting two days later.
    const organiser = testOrganiser(ctx.db);
    const meeting = getMeetingById(ctx.db, id)!;
    const later = new Date(Date.parse(meeting.startsAt) + 48 * HOUR);
    const laterEnd = new Date(later.getTime() + LENGTH);
    const oslo = (d: Date) =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone: "Europe/Oslo",
        dateStyle: "short",
        timeStyle: "short",
      })
        .format(d)
        .split(" ");
    const [startDate, startTime] = oslo(later);
    const [, endTime] = oslo(laterEnd);
    updateMeetingFromForm(
      ctx,
      organiser,
      id,
      meetingSchema.parse({
        ...Object.fromEntries(
          Object.entries(toFormValues(ctx.db, meeting)).filter(([, v]) => v !== ""),
        ),
        capacity: meeting.capacity,
        maxPartySize: meeting.maxPartySize,
        streamRevealMinutes: meeting.streamRevealMinutes,
        startDate,
        startTime,
        endTime,
      }),
    );
    await deliver();
    expect(reminders(sink.received)).toHaveLength(0);
    expect(listMessages(ctx.db).find((m) => m.purpose === "reminder")?.lastError).toBe(
      "meeting moved",
    );

    // At the old reminder time nothing more is due; at the new one it goes out.
    expect(queueDueReminders(ctx, new Date(oldDue.getTime() + HOUR))).toBe(0);
    expect(queueDueReminders(ctx, at(id, 24))).toBe(1);
    await deliver();
    const mails = await sink.waitFor(2);
    expect(reminders(mails)).toHaveLength(1);
    const sent = remindersFor(ctx.db, kari.id);
    expect(sent.map((r) => r.startsAt)).toEqual([
      meeting.startsAt,
      getMeetingById(ctx.db, id)!.startsAt,
    ]);
  });
});

describe("reminder times across the clock change", () => {
  /** A 19.00 meeting on an Oslo date, with Kari signed up now (well before any reminder). */
  function meetingOnDate(date: string, reminderHours: number[], time = "19:00") {
    const startsAt = osloToUtc(date, time);
    const id = createTestMeeting(ctx.db, {
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 2 * HOUR).toISOString(),
      reminderHours,
    });
    person(id, "Kari Nordmann", "kari@example.no");
    return id;
  }
  const queuedAt = (id: number, iso: string) => queueDueReminders(ctx, new Date(iso));

  it("sends '1 uke før' at 19.00 a week before a 19.00 meeting after the spring change (167 hours)", () => {
    // Clocks go forward on Sunday 28 March 2027: the meeting is at 17.00 UTC, a week before
    // at 18.00 UTC.
    const id = meetingOnDate("2027-04-01", [168]);
    expect(reminderDueAt(getMeetingById(ctx.db, id)!.startsAt, 168).toISOString()).toBe(
      "2027-03-25T18:00:00.000Z",
    );
    // 168 hours before would be 18.00 in Oslo: too early.
    expect(queuedAt(id, "2027-03-25T17:00:00.000Z")).toBe(0);
    expect(queuedAt(id, "2027-03-25T17:59:59.000Z")).toBe(0);
    expect(queuedAt(id, "2027-03-25T18:00:00.000Z")).toBe(1);
    // Claimed once, under the offset it always had.
    expect(queuedAt(id, "2027-03-26T12:00:00.000Z")).toBe(0);
    expect(ctx.db.prepare("SELECT hours FROM reminders").all()).toEqual([{ hours: 168 }]);
    expect(reminderSchedule(ctx.db, getMeetingById(ctx.db, id)!)).toMatchObject([
      { hours: 168, sent: 1 },
    ]);
    expect(formatDateTime(reminderSchedule(ctx.db, getMeetingById(ctx.db, id)!)[0]!.dueAt)).toBe(
      "torsdag 25. mars 2027 kl. 19.00",
    );
  });

  it("sends it at 19.00 a week before after the autumn change too (169 hours)", () => {
    // Clocks go back on Sunday 31 October 2027: the meeting is at 18.00 UTC, a week before at
    // 17.00 UTC.
    const id = meetingOnDate("2027-11-04", [168]);
    expect(queuedAt(id, "2027-10-28T16:59:59.000Z")).toBe(0);
    expect(queuedAt(id, "2027-10-28T17:00:00.000Z")).toBe(1);
    expect(
      formatDateTime(reminderDueAt(getMeetingById(ctx.db, id)!.startsAt, 168).toISOString()),
    ).toBe("torsdag 28. oktober 2027 kl. 19.00");
  });

  it("counts two days and one day in calendar days, and hours under a day in hours", () => {
    // Monday 29 March 2027 at 19.00 (17.00 UTC), the day after the spring change.
    const monday = getMeetingById(ctx.db, meetingOnDate("2027-03-29", [48, 24, 2]))!;
    expect(formatDateTime(reminderDueAt(monday.startsAt, 48).toISOString())).toBe(
      "lørdag 27. mars 2027 kl. 19.00",
    );
    expect(formatDateTime(reminderDueAt(monday.startsAt, 24).toISOString())).toBe(
      "søndag 28. mars 2027 kl. 19.00",
    );
    expect(reminderDueAt(monday.startsAt, 2).toISOString()).toBe("2027-03-29T15:00:00.000Z");
    // Two hours before 04.00 on the night the clocks go forward is two hours, not 02.00.
    const night = osloToUtc("2027-03-28", "04:00");
    expect(reminderDueAt(night, 2).toISOString()).toBe("2027-03-28T00:00:00.000Z");
    // Sunday 31 October 2027 at 19.00 (18.00 UTC): the day before is Saturday at 19.00, 25 hours.
    const sunday = osloToUtc("2027-10-31", "19:00");
    expect(reminderDueAt(sunday, 24).toISOString()).toBe("2027-10-30T17:00:00.000Z");
  });
});
