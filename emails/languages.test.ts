import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingEmailKind, MeetingEmailProps } from "./meeting-email";
import type { RegistrationEmailKind, RegistrationEmailProps } from "./registration-email";
import { renderEmail, type RenderedEmail } from "./render";
import { startSmtpSink, type SmtpSink } from "../app/testing/smtp-sink";
import {
  calendarFilename,
  catalogues,
  mailLanguages,
  mailTexts,
  type MailLanguage,
  type TextKey,
} from "./texts";
import { nb } from "./texts/nb";
import { createMailer } from "./transport";

// The meeting's own words are not translated; they are chosen so that no word of theirs is
// one the checks below look for.
const MEETING = {
  title: "Småhus ved Gjøsvika",
  when: "10.12.2026 19.00",
  venueName: "Storstuggu",
  address: "Osloveien 2, 7374 Røros",
  mapUrl: "https://www.openstreetmap.org/?mlat=62.57&mlon=11.38",
  accessibility: "HC",
  url: "https://folkemote.example/meetings/smahus",
  contact: "Kim, 72 41 00 00",
  agenda: ["19.00 Ordfører"],
  whatToBring: "ID",
};
const CONTENT = [
  MEETING.title,
  MEETING.when,
  MEETING.venueName,
  MEETING.address,
  MEETING.contact,
  ...MEETING.agenda,
  "Røros kommune",
  "Kari",
];
const LINKS = {
  google: "https://calendar.google.com/x",
  outlook: "https://outlook.live.com/x",
  office365: "https://outlook.office.com/x",
  ics: "https://folkemote.example/x.ics",
};

function registration(
  language: MailLanguage,
  kind: RegistrationEmailKind,
  status: RegistrationEmailProps["status"],
): RegistrationEmailProps {
  return {
    language,
    kind,
    name: "Kari",
    partySize: 3,
    waitlistPosition: status === "waitlisted" ? 2 : null,
    status,
    manageUrl: "https://folkemote.example/r/abc",
    meeting: MEETING,
    calendarLinks: LINKS,
    checkIn: { code: "ABC-123", url: "https://folkemote.example/c/abc" },
    canRejoin: kind === "cancelled",
    retentionDays: 30,
  };
}

function meetingMail(
  language: MailLanguage,
  kind: MeetingEmailKind,
  status: MeetingEmailProps["status"],
): MeetingEmailProps {
  return {
    language,
    kind,
    name: "Kari",
    status,
    partySize: 1,
    waitlistPosition: status === "waitlisted" ? 5 : null,
    manageUrl: "https://folkemote.example/r/abc",
    changes: kind === "changed" ? [{ kind: "place", before: "A", after: "B" }] : [],
    message: kind === "message" ? "OK." : null,
    subject: null,
    meeting: MEETING,
    calendarAttached: true,
    calendarLinks: LINKS,
  };
}

/** Every kind of every mail, as [label, template, payload]. */
function allMails(language: MailLanguage): [string, string, unknown][] {
  const mails: [string, string, unknown][] = [];
  for (const kind of ["confirmed", "waitlisted", "promoted", "updated", "cancelled", "link"]) {
    for (const status of ["confirmed", "waitlisted", "cancelled"] as const) {
      mails.push([
        `registration ${kind}/${status}`,
        "registration",
        registration(language, kind as RegistrationEmailKind, status),
      ]);
    }
  }
  for (const kind of ["changed", "cancelled", "restored", "reminder", "message"]) {
    for (const status of ["confirmed", "waitlisted"] as const) {
      mails.push([
        `meeting ${kind}/${status}`,
        "meeting",
        meetingMail(language, kind as MeetingEmailKind, status),
      ]);
    }
  }
  mails.push([
    "question-receipt",
    "question-receipt",
    {
      language,
      meetingTitle: MEETING.title,
      question: "X?",
      receiptUrl: "https://folkemote.example/question/abc",
      retentionDays: 30,
    },
  ]);
  for (const kind of ["answered", "merged", "private"]) {
    mails.push([
      `question-notice ${kind}`,
      "question-notice",
      {
        language,
        kind,
        meetingTitle: MEETING.title,
        question: "X?",
        answer: "Y.",
        url: "https://folkemote.example/q#1",
      },
    ]);
  }
  mails.push([
    "case-confirm",
    "case-confirm",
    { language, meetingTitle: MEETING.title, confirmUrl: "https://folkemote.example/c" },
  ]);
  mails.push([
    "case-update",
    "case-update",
    {
      language,
      meetingTitle: MEETING.title,
      title: "Nytt",
      body: "Z.",
      meetingUrl: MEETING.url,
      unsubscribeUrl: "https://folkemote.example/u",
    },
  ]);
  mails.push([
    "archive-warning",
    "archive-warning",
    {
      language,
      meetingTitle: MEETING.title,
      erasureDate: "1. mars 2027",
      dashboardUrl: "https://folkemote.example/admin/meetings/1",
    },
  ]);
  return mails;
}

/** Subject, preheader, HTML and text, less the meeting's own (untranslated) words and URLs. */
function words(mail: RenderedEmail): string {
  let all = [mail.subject, mail.html.replace(/<[^>]*>/g, " "), mail.text].join("\n");
  // Plain text writes headings (the meeting title among them) in capitals.
  for (const value of [...CONTENT, "Nytt"]) {
    all = all.replaceAll(value, " ").replaceAll(value.toUpperCase(), " ");
  }
  return all.replace(/https?:\/\/\S+/g, " ");
}

// Bokmål forms that nynorsk spells otherwise: none may be left in a nynorsk mail.
const BOKMAL_ONLY = [
  "ikke",
  "hvor",
  "hva",
  "påmeldt",
  "avmeldt",
  "påmeldingen",
  "lenken",
  "ventelisten",
  "endret",
  "sendt automatisk",
  "mer om",
  "opplysningene",
  "bare",
  "noen",
  "besvart",
  "bekreft",
  "saken",
  "sammen",
  "fra",
  "nå",
  "en ny",
  "et spørsmål",
  "fortsatt",
  "gjelder",
  "påminnelse",
  "tilgjengelighet",
  "antall",
  "velkommen",
  "holdt",
];

describe("mail texts", () => {
  it("gives nynorsk and English every bokmål text with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const forms = (e: unknown) => (typeof e === "string" ? [e] : Object.values(e as object));
    for (const language of mailLanguages) {
      const catalogue = catalogues[language];
      expect(Object.keys(catalogue).sort(), language).toEqual(Object.keys(nb).sort());
      for (const key of Object.keys(nb) as TextKey[]) {
        const want = new Set(forms(nb[key]).flatMap(placeholders));
        for (const form of forms(catalogue[key]) as string[]) {
          expect(form.trim(), `${language} ${key}`).not.toBe("");
          expect(new Set(placeholders(form)), `${language} ${key}`).toEqual(want);
        }
      }
    }
  });

  it("chooses plurals by the language's plural rules", () => {
    expect(mailTexts("nb").t("people", { count: 1 })).toBe("1 person");
    expect(mailTexts("nb").t("people", { count: 2 })).toBe("2 personer");
    expect(mailTexts("nn").t("people", { count: 2 })).toBe("2 personar");
    expect(mailTexts("en").t("people", { count: 1 })).toBe("1 person");
    expect(mailTexts("en").t("people", { count: 0 })).toBe("0 people");
    expect(mailTexts("nn").t("days", { count: 1 })).toBe("1 dag");
    expect(mailTexts("en").t("days", { count: 90 })).toBe("90 days");
  });
});

describe.each(mailLanguages)("every mail in %s", (language) => {
  it.each(allMails(language))("%s: <html lang>, and no word of another language", async (...c) => {
    const [, template, payload] = c;
    const mail = await renderEmail(template, payload);
    expect(mail.html).toMatch(new RegExp(`<html[^>]*lang="${language}"`));
    expect(mail.text.trim()).not.toBe("");
    const rest = words(mail);
    if (language === "en") {
      // With the meeting's own words taken out, nothing Norwegian is left.
      expect(rest).not.toMatch(/[æøåÆØÅ]/);
      expect(rest).not.toMatch(/\b(og|ikke|ikkje|er|du|til|Hei)\b/);
    }
    if (language === "nn") {
      for (const word of BOKMAL_ONLY) {
        expect(rest, word).not.toMatch(new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, "iu"));
      }
    }
  });

  it("keeps every subject on one line", async () => {
    const hostile = "Møte\r\nBcc: evil@example.com\u2028X";
    for (const [label, template, payload] of allMails(language)) {
      const p = payload as Record<string, unknown>;
      const withTitle =
        "meeting" in p
          ? { ...p, meeting: { ...(p.meeting as object), title: hostile }, subject: hostile }
          : { ...p, meetingTitle: hostile, title: hostile };
      const { subject } = await renderEmail(template, withTitle);
      expect(subject, label).not.toMatch(/[\r\n\u2028]/);
      expect(subject, label).toContain("Møte Bcc: evil@example.com X");
    }
  });
});

describe("language-specific wording", () => {
  it("writes a registration in nynorsk", async () => {
    const mail = await renderEmail("registration", registration("nn", "confirmed", "confirmed"));
    expect(mail.subject).toBe(`Påmeld: ${MEETING.title}`);
    expect(mail.html).toContain("Du er påmeld</h1>");
    expect(mail.text).toContain("Vi har sett av plass til 3 personar.");
    expect(mail.text).toContain("Ikkje del lenkja med andre.");
    expect(mail.text).toContain("Kva skjer på møtet".toUpperCase());
    expect(mail.text).toContain("slettar dei 30 dagar etter møtet");
    expect(mail.inlineImages.map((i) => i.filename)).toEqual(["innsjekking.png"]);
  });

  it("writes a waitlist place and a cancellation in nynorsk", async () => {
    const waiting = await renderEmail(
      "registration",
      registration("nn", "waitlisted", "waitlisted"),
    );
    expect(waiting.subject).toBe(`Venteliste: ${MEETING.title}`);
    expect(waiting.text).toContain("Plass på ventelista: Nummer 2");
    expect(waiting.text).toContain("Du treng ikkje gjere noko før det.");
    const gone = await renderEmail("registration", registration("nn", "cancelled", "cancelled"));
    expect(gone.subject).toBe(`Avmeld: ${MEETING.title}`);
    expect(gone.text).toContain(`Du er meld av ${MEETING.title}, ${MEETING.when}.`);
  });

  it("writes the meeting and question mails in nynorsk", async () => {
    const reminder = await renderEmail("meeting", meetingMail("nn", "reminder", "waitlisted"));
    expect(reminder.subject).toBe(`Påminning: ${MEETING.title}, ${MEETING.when}`);
    expect(reminder.text).toContain("framleis på ventelista som nummer 5");
    const answered = await renderEmail("question-notice", {
      language: "nn",
      kind: "answered",
      meetingTitle: MEETING.title,
      question: "X?",
      answer: "Y.",
      url: "https://folkemote.example/q",
    });
    expect(answered.subject).toBe(`Spørsmålet ditt har fått svar: ${MEETING.title}`);
    expect(answered.text).toContain("Du sende eit spørsmål til");
    const receipt = await renderEmail("question-receipt", {
      language: "nn",
      meetingTitle: MEETING.title,
      question: "X?",
      receiptUrl: "https://folkemote.example/question/abc?lang=nn",
      retentionDays: 30,
    });
    expect(receipt.subject).toBe(`Vi har fått spørsmålet ditt: ${MEETING.title}`);
    expect(receipt.html).toMatch(
      /<a[^>]*href="https:\/\/folkemote\.example\/question\/abc\?lang=nn"[^>]*id="receipt-link"|<a[^>]*id="receipt-link"[^>]*href="https:\/\/folkemote\.example\/question\/abc\?lang=nn"/,
    );
    expect(receipt.text).toContain("ikkje del ho med andre");
    expect(receipt.text).toContain("slettar namnet og adressa di 30 dagar etter møtet");
  });

  it("writes plain English", async () => {
    const mail = await renderEmail("registration", registration("en", "confirmed", "confirmed"));
    expect(mail.subject).toBe(`Signed up: ${MEETING.title}`);
    expect(mail.html).toContain("You are signed up</h1>");
    expect(mail.text).toContain("Hello Kari,");
    expect(mail.text).toContain("We have kept places for 3 people.");
    expect(mail.text).toContain("delete it 30 days after the meeting");
    expect(mail.inlineImages.map((i) => i.filename)).toEqual(["check-in.png"]);
    const update = await renderEmail("case-update", {
      language: "en",
      meetingTitle: MEETING.title,
      title: "Nytt",
      body: "Z.",
      meetingUrl: MEETING.url,
      unsubscribeUrl: "https://folkemote.example/u",
    });
    expect(update.subject).toBe("News about the case: Nytt");
    expect(update.html).toMatch(/<a[^>]*id="unsubscribe-link"[^>]*>Unsubscribe<\/a>/);
  });

  it("names the calendar attachment in the recipient's language", () => {
    expect(calendarFilename("REQUEST")).toBe("invitasjon.ics");
    expect(calendarFilename("CANCEL", "nn")).toBe("avlysing.ics");
    expect(calendarFilename("CANCEL", "en")).toBe("cancellation.ics");
    expect(calendarFilename(null, "en")).toBeNull();
  });

  it("keeps bokmål for a payload without a language (mail queued before languages)", async () => {
    const { language: _language, ...old } = registration("nb", "confirmed", "confirmed");
    void _language;
    const mail = await renderEmail("registration", old);
    expect(mail.subject).toBe(`Påmeldt: ${MEETING.title}`);
    expect(mail.html).toMatch(/<html[^>]*lang="nb"/);
  });

  it("refuses a language it has no texts for", async () => {
    await expect(
      renderEmail("registration", {
        ...registration("nb", "confirmed", "confirmed"),
        language: "de",
      }),
    ).rejects.toThrow(/Invalid payload for email template "registration": language/);
  });
});

describe("a nynorsk mail through a real SMTP server", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });

  it("arrives with its nynorsk subject, text and <html lang>", async () => {
    const mailer = createMailer({
      smtpUrl: sink.url,
      outboxDir: "/nonexistent",
      from: "Røros kommune <postmottak@roros.kommune.no>",
    });
    try {
      const payload = registration("nn", "promoted", "confirmed");
      const email = await renderEmail("registration", {
        ...payload,
        meeting: { ...MEETING, title: "Småhus\r\nBcc: evil@example.com" },
      });
      await mailer.send({ to: { name: "Kari", address: "kari@example.com" }, ...email });
      const [parsed] = await sink.waitFor(1);
      expect(parsed!.subject).toBe("Du har fått plass: Småhus Bcc: evil@example.com");
      expect(parsed!.bcc).toBeUndefined();
      expect(parsed!.html).toMatch(/<html[^>]*lang="nn"/);
      expect(parsed!.text).toContain("No er du påmeld Småhus");
      expect(parsed!.text).toContain("Sjå eller endre påmeldinga");
    } finally {
      mailer.close();
    }
  });
});
