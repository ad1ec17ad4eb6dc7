// The stream link mail and the recording mail (ADR 0016), through a real SMTP server: what
// each attendee gets, in their language, exactly once.
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  getMeetingById,
  setMeetingStream,
  setRecordingUrl,
  updateMeeting,
} from "../../db/meetings";
import { createTestMeeting } from "../../db/testing";
import { createMailer, type Mailer } from "../../emails/transport";
import { createMailWorker } from "../mail/worker.server";
import type { ServiceContext } from "../platform/service.server";
import { changeRegistration, cancelRegistration } from "../registrations/registrations.server";
import { signUp } from "../registrations/testing";
import { noNeeds, serviceTestEnv } from "../testing/services";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { queueDueAttendeeMails } from "./attendee-mails.server";
import { withholdStaleReminders } from "./reminders.server";
import type { Attendance } from "../registrations/registrations.server";
import type { PageLanguage } from "../i18n";

const FROM = "Røros kommune <postmottak@roros.kommune.no>";
const MINUTE = 60_000;
const STREAM = "https://www.youtube.com/live/roros-smahus";

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

function deliver() {
  const mailer = createMailer({ smtpUrl: sink.url, outboxDir: env.dir, from: FROM });
  mailers.push(mailer);
  return createMailWorker({
    db: ctx.db,
    mailer,
    log: () => {},
    withhold: withholdStaleReminders(ctx.db),
  }).runOnce();
}

/** A meeting held both ways, starting `minutes` from now, with its stream link in. */
function meetingIn(minutes: number) {
  const start = Date.now() + minutes * MINUTE;
  const id = createTestMeeting(ctx.db, {
    attendance: "both",
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 90 * MINUTE).toISOString(),
  });
  setMeetingStream(ctx.db, id, { streamUrl: STREAM, dialIn: "22 00 00 00, kode 1234" });
  return id;
}

/** Moves a meeting's start (and end) to `minutes` from now, as an organiser's edit would. */
function moveTo(id: number, minutes: number) {
  const meeting = getMeetingById(ctx.db, id)!;
  const start = Date.now() + minutes * MINUTE;
  updateMeeting(ctx.db, id, {
    ...meeting,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 90 * MINUTE).toISOString(),
  });
}

let n = 0;
function person(id: number, attendance: Attendance, language: PageLanguage = "nb") {
  n++;
  return signUp(ctx, id, {
    name: `Person ${n}`,
    email: `person${n}@example.no`,
    partySize: 1,
    needs: noNeeds,
    attendance,
    language,
  });
}

function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
  return new ICAL.Component(ICAL.parse(part.content.toString("utf8"))).getFirstSubcomponent(
    "vevent",
  )!;
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0]!.address;

describe("the stream link", () => {
  it("comes once to each online attendee at its time, in the mail and in their calendar copy", async () => {
    const id = meetingIn(120);
    const online = person(id, "online");
    const hall = person(id, "hall");
    await deliver();
    const confirmations = await sink.waitFor(2);
    const onlineConfirmation = confirmations.find((m) => to(m) === online.registration.email)!;
    // Before its time: when it comes, and no link anywhere, not in the calendar either.
    expect(onlineConfirmation.text).toContain("Lenken til sendingen kommer");
    expect(onlineConfirmation.text).not.toContain(STREAM);
    expect(onlineConfirmation.text).toContain("Digitalt, sendes fra Storstuggu");
    expect(onlineConfirmation.text).not.toContain("Innsjekking");
    const before = calendarOf(onlineConfirmation);
    expect(before.getFirstPropertyValue("location")).toBe("Digitalt");
    expect(JSON.stringify(before.toJSON())).not.toContain("youtube");
    const hallConfirmation = confirmations.find((m) => to(m) === hall.registration.email)!;
    expect(calendarOf(hallConfirmation).getFirstPropertyValue("location")).toBe(
      "Storstuggu, Osloveien 2, 7374 Røros",
    );
    expect(await queueDueAttendeeMails(ctx)).toBe(0);

    // Its time has come (the start is now 10 minutes away, the link 15 before).
    moveTo(id, 10);
    expect(await queueDueAttendeeMails(ctx)).toBe(1);
    expect(await queueDueAttendeeMails(ctx)).toBe(0);
    await deliver();
    const [mail] = (await sink.waitFor(3)).slice(2);
    expect(to(mail!)).toBe(online.registration.email);
    expect(mail!.subject).toMatch(/^Lenken til sendingen: Testmøte om småhus/);
    expect(mail!.html).toContain(`href="${STREAM}"`);
    expect(mail!.text).toContain("Ring inn: 22 00 00 00, kode 1234");
    expect(mail!.text).toContain("/meetings/");
    expect(mail!.text).toContain("questions/new?from=online");
    const event = calendarOf(mail!);
    expect(event.getFirstPropertyValue("url")).toBe(STREAM);
    expect(event.getFirstPropertyValue("description")).toContain(STREAM);
    expect(Number(event.getFirstPropertyValue("sequence"))).toBeGreaterThan(
      Number(before.getFirstPropertyValue("sequence")),
    );
  });

  it("a sign-up after its time gets it in the confirmation, and no second mail", async () => {
    const id = meetingIn(10);
    const late = person(id, "online", "en");
    await deliver();
    const [confirmation] = await sink.waitFor(1);
    expect(to(confirmation!)).toBe(late.registration.email);
    expect(confirmation!.html).toContain(`href="${STREAM}"`);
    expect(confirmation!.text).toContain("Dial in: 22 00 00 00, kode 1234");
    expect(await queueDueAttendeeMails(ctx)).toBe(0);
  });

  it("is withheld when the attendee moved to the hall before it went out", async () => {
    const id = meetingIn(120);
    const online = person(id, "online");
    moveTo(id, 10);
    expect(await queueDueAttendeeMails(ctx)).toBe(1);
    changeRegistration(ctx, online.registration.id, {
      partySize: 1,
      needs: noNeeds,
      attendance: "hall",
    });
    await deliver();
    const mails = await sink.waitFor(2);
    // The confirmation and the change; the stream mail was dropped.
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Påmeldt/),
      expect.stringMatching(/^Endret påmelding/),
    ]);
    expect(mails.some((m) => (m.html || "").includes(STREAM))).toBe(false);
  });
});

describe("the recording", () => {
  it("goes once, after the meeting, to everyone still signed up, each in their language", async () => {
    const id = meetingIn(120);
    const kari = person(id, "hall");
    const john = person(id, "online", "en");
    const gone = person(id, "online");
    cancelRegistration(ctx, gone.registration.id);
    await deliver();
    await sink.waitFor(4);
    setRecordingUrl(ctx.db, id, "https://vimeo.com/123456");
    // Not before the meeting is over.
    expect(await queueDueAttendeeMails(ctx)).toBe(0);
    moveTo(id, -200);
    expect(await queueDueAttendeeMails(ctx)).toBe(2);
    expect(await queueDueAttendeeMails(ctx)).toBe(0);
    await deliver();
    const recordings = (await sink.waitFor(6)).slice(4);
    const byAddress = new Map(recordings.map((m) => [to(m), m]));
    expect([...byAddress.keys()].sort()).toEqual(
      [kari.registration.email, john.registration.email].sort(),
    );
    expect(byAddress.get(kari.registration.email!)!.subject).toBe("Opptak: Testmøte om småhus");
    expect(byAddress.get(john.registration.email!)!.subject).toBe("Recording: Testmøte om småhus");
    for (const mail of recordings) {
      expect(mail.html).toContain('href="https://vimeo.com/123456"');
      expect(mail.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(false);
    }
  });
});
