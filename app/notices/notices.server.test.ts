import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { listMeetingChanges, getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { countByStatus, listMessages } from "../../db/outbox";
import { createTestMeeting } from "../../db/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createMailer, type Mailer } from "../../emails/transport";
import {
  changeMeetingStatus,
  toFormValues,
  updateMeetingFromForm,
} from "../meetings/editor.server";
import { meetingSchema } from "../meetings/forms";
import type { ServiceContext } from "../platform/service.server";
import { osloToUtc } from "../platform/dates";
import {
  cancelRegistration,
  register,
  rejoinRegistration,
} from "../registrations/registrations.server";
import { freePort } from "../testing/server";
import { Refusal } from "../platform/refusal.server";
import { noticePreview, sendChangeNotice, sendMessageToAttendees } from "./notices.server";
import { createMailWorker } from "../mail/worker.server";

const FROM = "Røros kommune <postmottak@roros.kommune.no>";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;
let sink: SmtpSink | undefined;
const mailers: Mailer[] = [];

beforeEach(() => {
  env = serviceTestEnv({ mailFrom: FROM });
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
});
afterEach(async () => {
  for (const m of mailers.splice(0)) m.close();
  await sink?.stop();
  sink = undefined;
  env.cleanup();
});

/** A sign-up through the citizen's rules, without special needs. */
const attend = (meetingId: number, name: string, email: string, partySize = 1) =>
  register(ctx, meetingId, { name, email, partySize, needs: noNeeds });

function worker(url: string) {
  const mailer = createMailer({ smtpUrl: url, outboxDir: env.dir, from: FROM });
  mailers.push(mailer);
  return createMailWorker({ db: env.db, mailer, retryBaseMs: 10, log: () => {} });
}

function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) return null;
  const text = part.content.toString("utf8");
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  const vevent = vcalendar.getFirstSubcomponent("vevent")!;
  return {
    text,
    method: vcalendar.getFirstPropertyValue("method"),
    uid: vevent.getFirstPropertyValue("uid"),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    status: vevent.getFirstPropertyValue("status"),
    transp: vevent.getFirstPropertyValue("transp"),
    start: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    filename: mail.attachments.find((a) => a.contentType === "application/ics")?.filename,
  };
}

const to = (mail: ParsedMail) => JSON.stringify(mail.to);

function moveTo(
  meetingId: number,
  startTime: string,
  endTime: string,
  extra: Record<string, unknown> = {},
) {
  const meeting = getMeetingById(env.db, meetingId)!;
  const values = meetingSchema.parse({
    // As a browser posts it: conform leaves empty fields out.
    ...Object.fromEntries(
      Object.entries(toFormValues(env.db, meeting)).filter(([, v]) => v !== ""),
    ),
    capacity: meeting.capacity,
    maxPartySize: meeting.maxPartySize,
    streamRevealMinutes: meeting.streamRevealMinutes,
    startTime,
    endTime,
    ...extra,
  });
  return updateMeetingFromForm(ctx, organiser, meetingId, values);
}

function winterMeeting(capacity = 2) {
  const maxPartySize = Math.min(4, capacity);
  return createTestMeeting(env.db, {
    startsAt: osloToUtc("2027-01-14", "19:00"),
    endsAt: osloToUtc("2027-01-14", "21:00"),
    capacity,
    maxPartySize,
    contactName: "Siri Servicetorget",
    contactEmail: "siri@roros.kommune.no",
  });
}

describe("change notices", () => {
  it("write the old and new time in each attendee's language, and in bokmål for the organiser", async () => {
    sink = await startSmtpSink();
    const id = winterMeeting(4);
    register(ctx, id, {
      name: "Anna Smith",
      email: "anna@example.com",
      partySize: 1,
      needs: noNeeds,
      language: "en",
    });
    attend(id, "Kari Nordmann", "kari@example.no");
    const w = worker(sink.url);
    await w.runOnce();
    await sink.waitFor(2);

    moveTo(id, "18:00", "20:00");
    const preview = await noticePreview(ctx, getMeetingById(env.db, id)!);
    expect(preview.sample?.text).toContain("torsdag 14. januar 2027 kl. 19.00–21.00");
    sendChangeNotice(ctx, organiser, id, { upToId: preview.notice!.upToId, message: null });
    await w.runOnce();
    const mails = await sink.waitFor(4);
    const anna = mails.slice(2).find((m) => to(m).includes("anna@"))!;
    const kari = mails.slice(2).find((m) => to(m).includes("kari@"))!;
    expect(anna.text).toContain("Thursday 14 January 2027 at 19:00–21:00");
    expect(anna.text).toContain("Thursday 14 January 2027 at 18:00–20:00");
    expect(anna.text).not.toContain("kl. 19.00");
    expect(kari.text).toContain("torsdag 14. januar 2027 kl. 19.00–21.00");
    expect(kari.text).toContain("torsdag 14. januar 2027 kl. 18.00–20.00");
  });

  it("several edits send one notice per attendee: seat holders get an update with the same UID and a higher SEQUENCE", async () => {
    sink = await startSmtpSink();
    const id = winterMeeting(2);
    attend(id, "Kari Nordmann", "kari@example.no", 2);
    attend(id, "Ola Venter", "ola@example.no");
    const w = worker(sink.url);
    await w.runOnce();
    const [confirmation] = await sink.waitFor(2);
    const original = calendarOf(sink.received.find((m) => to(m).includes("kari@"))!)!;
    expect(confirmation).toBeDefined();

    moveTo(id, "18:00", "20:00");
    moveTo(id, "18:30", "20:30", { venueName: "Bergstaden hotell" });
    expect(listMeetingChanges(env.db, id).filter((c) => !c.notifiedAt)).toHaveLength(3);

    const preview = await noticePreview(ctx, getMeetingById(env.db, id)!, "Beklager flyttingen.");
    expect(preview.recipients).toEqual({ confirmed: 1, waitlisted: 1, total: 2 });
    expect(preview.notice?.changes.map((c) => c.kind)).toEqual(["time", "place"]);
    expect(preview.sample?.subject).toMatch(
      /^Endret: Testmøte om småhus, torsdag 14\. januar 2027 kl\. 18\.30–20\.30$/,
    );
    expect(preview.sample?.html).toContain("Beklager flyttingen.");
    // A preview changes nothing.
    expect(listMessages(env.db)).toHaveLength(2);

    const upToId = preview.notice!.upToId;
    expect(
      sendChangeNotice(ctx, organiser, id, { upToId, message: "Beklager flyttingen." }),
    ).toEqual({ sent: 2 });
    expect(listMeetingChanges(env.db, id).every((c) => c.notifiedAt)).toBe(true);
    expect(() => sendChangeNotice(ctx, organiser, id, { upToId, message: null })).toThrow(Refusal);
    expect(
      listAudit(env.db, { limit: 10, offset: 0 }).some((a) => a.action === "meeting.notify"),
    ).toBe(true);

    await w.runOnce();
    const mails = await sink.waitFor(4);
    const notices = mails.slice(2);
    expect(notices).toHaveLength(2);
    const kari = notices.find((m) => to(m).includes("kari@"))!;
    const ola = notices.find((m) => to(m).includes("ola@"))!;
    expect(kari.subject).toBe(
      "Endret: Testmøte om småhus, torsdag 14. januar 2027 kl. 18.30–20.30",
    );
    expect(kari.text).toContain(
      "Ny tid: torsdag 14. januar 2027 kl. 18.30–20.30 (var torsdag 14. januar 2027 kl. 19.00–21.00)",
    );
    expect(kari.text).toContain("Nytt sted: Bergstaden hotell");
    expect(kari.text).toContain("Beklager flyttingen.");
    expect(kari.text).toContain("Invitasjonen ligger ved");
    expect(kari.replyTo?.text).toBe("siri@roros.kommune.no");
    const update = calendarOf(kari)!;
    expect(update.method).toBe("REQUEST");
    expect(update.uid).toBe(original.uid);
    expect(update.sequence).toBeGreaterThan(original.sequence);
    expect(update.start).toBe(osloToUtc("2027-01-14", "18:30"));
    expect(update.text).toContain("LOCATION:Bergstaden hotell");
    expect(update.filename).toBe("invitasjon.ics");
    // The waitlist is told, but gets nothing for a calendar it never had the meeting in.
    expect(ola.text).toContain("Du står fortsatt på ventelisten");
    expect(calendarOf(ola)).toBeNull();
  });

  it("a cancellation sends CANCEL with STATUS:CANCELLED that does not block time", async () => {
    sink = await startSmtpSink();
    const id = winterMeeting(5);
    attend(id, "Kari Nordmann", "kari@example.no");
    changeMeetingStatus(ctx, organiser, id, "cancel");
    const preview = await noticePreview(ctx, getMeetingById(env.db, id)!);
    expect(preview.notice?.kind).toBe("cancelled");
    sendChangeNotice(ctx, organiser, id, { upToId: preview.notice!.upToId, message: null });
    const w = worker(sink.url);
    await w.runOnce();
    const mails = await sink.waitFor(2);
    const cancel = mails.find((m) => m.subject?.startsWith("Avlyst"))!;
    expect(cancel.subject).toBe(
      "Avlyst: Testmøte om småhus, torsdag 14. januar 2027 kl. 19.00–21.00",
    );
    const ics = calendarOf(cancel)!;
    expect(ics.method).toBe("CANCEL");
    expect(ics.status).toBe("CANCELLED");
    expect(ics.transp).toBe("TRANSPARENT");
    expect(ics.sequence).toBe(1);
    expect(ics.filename).toBe("avlysning.ics");
    expect(cancel.text).toContain(
      "Testmøte om småhus, torsdag 14. januar 2027 kl. 19.00–21.00, er avlyst.",
    );
    expect(cancel.text).toContain("Avlysningen ligger ved");
    expect(cancel.text).not.toContain("Se eller endre påmeldingen");
  });

  it("online attendees' calendar copies follow a move and a cancellation like the hall's", async () => {
    sink = await startSmtpSink();
    const id = createTestMeeting(env.db, {
      attendance: "both",
      startsAt: osloToUtc("2027-01-14", "19:00"),
      endsAt: osloToUtc("2027-01-14", "21:00"),
      capacity: 5,
      maxPartySize: 2,
    });
    const join = (name: string, email: string, attendance: "hall" | "online") =>
      register(ctx, id, { name, email, partySize: 1, needs: noNeeds, attendance });
    join("Kari Nordmann", "kari@example.no", "hall");
    join("Jon Digital", "jon@example.no", "online");
    const w = worker(sink.url);
    await w.runOnce();
    const confirmations = await sink.waitFor(2);
    const originalOf = (who: string) =>
      calendarOf(confirmations.find((m) => to(m).includes(who))!)!;
    const [kariBefore, jonBefore] = [originalOf("kari@"), originalOf("jon@")];

    moveTo(id, "18:00", "20:00");
    let preview = await noticePreview(ctx, getMeetingById(env.db, id)!);
    expect(preview.recipients).toEqual({ confirmed: 2, waitlisted: 0, total: 2 });
    sendChangeNotice(ctx, organiser, id, { upToId: preview.notice!.upToId, message: null });
    await w.runOnce();
    const moved = (await sink.waitFor(4)).slice(2);
    const updateOf = (who: string) => calendarOf(moved.find((m) => to(m).includes(who))!)!;
    for (const [who, before, location] of [
      ["kari@", kariBefore, "LOCATION:Storstuggu"],
      ["jon@", jonBefore, "LOCATION:Digitalt"],
    ] as const) {
      const update = updateOf(who);
      expect(update.method, who).toBe("REQUEST");
      expect(update.uid, who).toBe(before.uid);
      expect(update.sequence, who).toBeGreaterThan(before.sequence);
      expect(update.start, who).toBe(osloToUtc("2027-01-14", "18:00"));
      expect(update.text, who).toContain(location);
    }

    changeMeetingStatus(ctx, organiser, id, "cancel");
    preview = await noticePreview(ctx, getMeetingById(env.db, id)!);
    sendChangeNotice(ctx, organiser, id, { upToId: preview.notice!.upToId, message: null });
    await w.runOnce();
    const cancelled = (await sink.waitFor(6)).slice(4);
    for (const who of ["kari@", "jon@"]) {
      const mail = cancelled.find((m) => to(m).includes(who))!;
      expect(mail.subject, who).toMatch(/^Avlyst/);
      const ics = calendarOf(mail)!;
      expect(ics.method, who).toBe("CANCEL");
      expect(ics.status, who).toBe("CANCELLED");
      expect(ics.uid, who).toBe((who === "kari@" ? kariBefore : jonBefore).uid);
      expect(ics.sequence, who).toBeGreaterThan(updateOf(who).sequence);
    }
  });

  it("a cancellation and its reversal, both untold, need no mail and can be marked handled", async () => {
    const id = winterMeeting(5);
    attend(id, "Kari Nordmann", "kari@example.no");
    changeMeetingStatus(ctx, organiser, id, "cancel");
    changeMeetingStatus(ctx, organiser, id, "restore");
    const preview = await noticePreview(ctx, getMeetingById(env.db, id)!);
    expect(preview.notice).toBeNull();
    expect(preview.pending).toHaveLength(2);
    const upToId = Math.max(...preview.pending.map((c) => c.id));
    expect(sendChangeNotice(ctx, organiser, id, { upToId, message: null })).toEqual({ sent: 0 });
    expect(listMessages(env.db)).toHaveLength(1);
  });

  it("leaves out people who signed up after the changes: their confirmation was already right", async () => {
    const id = winterMeeting(5);
    attend(id, "Kari Nordmann", "kari@example.no");
    moveTo(id, "18:00", "20:00");
    await new Promise((r) => setTimeout(r, 5));
    attend(id, "Nils Nykommer", "nils@example.no");
    const preview = await noticePreview(ctx, getMeetingById(env.db, id)!);
    expect(preview.recipients.total).toBe(1);
    expect(
      sendChangeNotice(ctx, organiser, id, { upToId: preview.notice!.upToId, message: null }),
    ).toEqual({ sent: 1 });
    expect(
      listMessages(env.db)
        .filter((m) => m.purpose === "notice")
        .map((m) => m.toAddress),
    ).toEqual(["kari@example.no"]);
  });

  it("a change made after the preview waits for the next notice", () => {
    const id = winterMeeting(5);
    attend(id, "Kari Nordmann", "kari@example.no");
    moveTo(id, "18:00", "20:00");
    const upToId = Math.max(...listMeetingChanges(env.db, id).map((c) => c.id));
    moveTo(id, "17:00", "19:00");
    sendChangeNotice(ctx, organiser, id, { upToId, message: null });
    expect(listMeetingChanges(env.db, id).filter((c) => !c.notifiedAt)).toHaveLength(1);
  });

  it("with the SMTP server down then up, every notice is delivered exactly once", async () => {
    const port = await freePort();
    const id = winterMeeting(10);
    for (const n of [1, 2, 3]) {
      register(ctx, id, {
        name: `Person ${n}`,
        email: `p${n}@example.no`,
        partySize: 1,
        needs: noNeeds,
      });
    }
    moveTo(id, "18:00", "20:00");
    sendChangeNotice(ctx, organiser, id, { upToId: 1_000_000, message: null });
    const down = worker(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    expect(await down.runOnce()).toBe(0);
    expect(countByStatus(env.db)).toMatchObject({ pending: 6, sent: 0 });

    sink = await startSmtpSink(port);
    await new Promise((r) => setTimeout(r, 50));
    const up = worker(sink.url);
    expect(await up.runOnce()).toBe(6);
    expect(await up.runOnce()).toBe(0);
    const mails = await sink.waitFor(6);
    expect(mails).toHaveLength(6);
    for (const n of [1, 2, 3]) {
      expect(
        mails.filter((m) => to(m).includes(`p${n}@`) && m.subject?.startsWith("Endret")),
      ).toHaveLength(1);
    }
  });
});

describe("calendar SEQUENCE of one attendee", () => {
  it("a citizen's own CANCEL raises SEQUENCE and joining again raises it further", async () => {
    sink = await startSmtpSink();
    const id = winterMeeting(5);
    const first = attend(id, "Kari Nordmann", "kari@example.no");
    if (first.kind === "known") throw new Error("a new address");
    cancelRegistration(ctx, first.registration.id);
    rejoinRegistration(ctx, first.registration.id);
    await worker(sink.url).runOnce();
    const mails = await sink.waitFor(3);
    const [invite, cancel, again] = mails.map((m) => calendarOf(m)!);
    expect(invite!.method).toBe("REQUEST");
    expect(cancel!.method).toBe("CANCEL");
    expect(again!.method).toBe("REQUEST");
    expect(new Set([invite!.uid, cancel!.uid, again!.uid]).size).toBe(1);
    expect(cancel!.sequence).toBeGreaterThan(invite!.sequence);
    expect(again!.sequence).toBeGreaterThan(cancel!.sequence);
  });
});

describe("messages to attendees", () => {
  it("reaches only the chosen group, through the outbox, with the organiser's words as text", async () => {
    sink = await startSmtpSink();
    const id = winterMeeting(1);
    attend(id, "Kari Nordmann", "kari@example.no");
    attend(id, "Ola Venter", "ola@example.no");
    const { sent } = sendMessageToAttendees(ctx, organiser, id, {
      audience: "waitlisted",
      subject: "Flere plasser?",
      message: "Vi prøver å få et større rom.\n\n<b>Ikke fet</b>",
    });
    expect(sent).toBe(1);
    await worker(sink.url).runOnce();
    const mails = await sink.waitFor(3);
    const message = mails.find((m) => m.subject?.startsWith("Flere plasser?"))!;
    expect(to(message)).toContain("ola@example.no");
    expect(message.subject).toBe("Flere plasser? – Testmøte om småhus");
    expect(message.html).toContain("&lt;b&gt;Ikke fet&lt;/b&gt;");
    expect(message.html).not.toContain("<b>Ikke fet</b>");
  });
});
