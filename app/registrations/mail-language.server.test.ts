// Mail goes out in the language the citizen used (migration 007): the row's language reaches
// the payload, the date, the calendar attachment's name and the asker's private link, through
// the real worker and SMTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getMeetingById } from "../../db/meetings";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createMailer, type Mailer } from "../../emails/transport";
import { formatMeetingTime } from "../platform/dates";
import type { ServiceContext } from "../platform/service.server";
import {
  askQuestion,
  findQuestionByToken,
  meetingThemeChoices,
} from "../questions/questions.server";
import { subscribe } from "../questions/subscriptions.server";
import { signUp } from "./testing";
import { createMailWorker } from "../mail/worker.server";

const noNeeds = { accessibility: false, interpreter: false, other: false, text: "" };
const FROM = "Røros kommune <postmottak@roros.kommune.no>";

let env: ReturnType<typeof tempDatabase>;
let ctx: ServiceContext;
let sink: SmtpSink;
let meetingId: number;
const mailers: Mailer[] = [];

beforeEach(async () => {
  env = tempDatabase();
  ctx = { db: env.db, publicUrl: "https://folkemote.example", mailFrom: FROM };
  sink = await startSmtpSink();
  meetingId = createTestMeeting(env.db, { capacity: 10 });
});
afterEach(async () => {
  for (const m of mailers.splice(0)) m.close();
  await sink.stop();
  env.cleanup();
});

async function deliver() {
  const mailer = createMailer({ smtpUrl: sink.url, outboxDir: env.dir, from: FROM });
  mailers.push(mailer);
  await createMailWorker({ db: ctx.db, mailer, log: () => {} }).runOnce();
  return sink.received;
}

describe("mail in the citizen's language", () => {
  it("confirms an English sign-up in English, with an English date and attachment name", async () => {
    signUp(ctx, meetingId, {
      name: "Anna Smith",
      email: "anna@example.com",
      partySize: 2,
      needs: noNeeds,
      language: "en",
    });
    const [mail] = await deliver();
    const meeting = getMeetingById(ctx.db, meetingId)!;
    expect(mail!.subject).toBe(`Signed up: ${meeting.title}`);
    expect(mail!.html).toMatch(/<html[^>]*lang="en"/);
    expect(mail!.text).toContain("Hello Anna Smith,");
    expect(mail!.text).toContain(formatMeetingTime(meeting.startsAt, meeting.endsAt, "en"));
    expect(mail!.text).not.toContain(formatMeetingTime(meeting.startsAt, meeting.endsAt, "nb"));
    const names = mail!.attachments.map((a) => a.filename);
    expect(names).toContain("invitation.ics");
    expect(names).toContain("check-in.png");
  });

  it("confirms a nynorsk sign-up in nynorsk, and a bokmål one as before", async () => {
    signUp(ctx, meetingId, {
      name: "Siri Nynorsk",
      email: "siri@example.no",
      partySize: 1,
      needs: noNeeds,
      language: "nn",
    });
    signUp(ctx, meetingId, {
      name: "Kari Nordmann",
      email: "kari@example.no",
      partySize: 1,
      needs: noNeeds,
    });
    const mails = await deliver();
    const meeting = getMeetingById(ctx.db, meetingId)!;
    const nn = mails.find((m) => m.text?.includes("Siri"))!;
    const nb = mails.find((m) => m.text?.includes("Kari"))!;
    expect(nn.subject).toBe(`Påmeld: ${meeting.title}`);
    expect(nn.html).toMatch(/<html[^>]*lang="nn"/);
    expect(nn.text).toContain(formatMeetingTime(meeting.startsAt, meeting.endsAt, "nn"));
    expect(nn.text).toContain("Ikkje del lenkja med andre.");
    expect(nb.subject).toBe(`Påmeldt: ${meeting.title}`);
    expect(nb.html).toMatch(/<html[^>]*lang="nb"/);
    expect(nb.attachments.map((a) => a.filename)).toContain("invitasjon.ics");
  });

  it("asks a nynorsk subscriber to confirm in nynorsk", async () => {
    subscribe(ctx, getMeetingById(ctx.db, meetingId)!, "siri@example.no", "nn");
    const [mail] = await deliver();
    expect(mail!.subject).toMatch(/^Stadfest abonnement: /);
    expect(mail!.html).toMatch(/<html[^>]*lang="nn"/);
  });

  it("sends each asker who gave an address a receipt with the private link, in their language", async () => {
    const meeting = getMeetingById(ctx.db, meetingId)!;
    const themeValue = meetingThemeChoices(ctx.db, meeting)[0]!.value;
    const ask = (email: string | null, language: "nb" | "nn" | "en", text: string) =>
      askQuestion(
        ctx,
        meetingId,
        { themeValue, text, name: "Ola", showName: false, email, source: "web", language },
        `supporter-${text}`,
      );
    const asked = {
      nb: ask("ola@example.no", "nb", "Hvor skal bilene stå?"),
      nn: ask("siri@example.no", "nn", "Kor skal bilane stå?"),
      en: ask("anna@example.com", "en", "Where will the cars park?"),
    };
    ask(null, "nb", "Uten adresse, uten kvittering");
    const mails = await deliver();
    expect(mails).toHaveLength(3);

    const expected = {
      nb: [
        "ola@example.no",
        `Spørsmålet ditt er mottatt: ${meeting.title}`,
        "Hvor skal bilene stå?",
      ],
      nn: [
        "siri@example.no",
        `Vi har fått spørsmålet ditt: ${meeting.title}`,
        "Kor skal bilane stå?",
      ],
      en: [
        "anna@example.com",
        `We have received your question: ${meeting.title}`,
        "Where will the cars park?",
      ],
    } as const;
    for (const language of ["nb", "nn", "en"] as const) {
      const [to, subject, text] = expected[language];
      const mail = mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(to))!;
      expect(mail.subject, language).toBe(subject);
      expect(mail.html, language).toMatch(new RegExp(`<html[^>]*lang="${language}"`));
      expect(mail.text, language).toContain(text);
      // The button is the private link, in the asker's language, and it finds the question.
      const href = /<a\b[^>]*\bid="receipt-link"[^>]*\bhref="([^"]+)"/
        .exec(String(mail.html))?.[1]
        ?.replaceAll("&amp;", "&");
      const link = new URL(href!);
      expect(link.pathname, language).toBe(`/question/${asked[language].token}`);
      expect(link.searchParams.get("lang"), language).toBe(language === "nb" ? null : language);
      expect(findQuestionByToken(ctx.db, asked[language].token)?.id).toBe(
        asked[language].question.id,
      );
    }
  });
});
