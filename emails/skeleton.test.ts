import { createElement, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { render, toPlainText } from "./components";
import {
  MeetingEmail,
  meetingSlots as slots,
  type MeetingEmailKind,
  type MeetingEmailProps,
} from "./meeting-email";
import { qrMismatches } from "../app/testing/qr";
import {
  RegistrationEmail,
  registrationSlots,
  type RegistrationEmailKind,
  type RegistrationEmailProps,
} from "./registration-email";
import { renderEmail } from "./render";
import { createSkeletonCache, type Rendered } from "./skeleton";
import { mailLanguages } from "./texts";

const MEETING = {
  title: "Småhus ved Gjøsvika",
  when: "torsdag 10. desember 2026 kl. 19.00",
  venueName: "Storstuggu",
  address: "Osloveien 2, 7374 Røros",
  mapUrl: "https://www.openstreetmap.org/?mlat=62.57&mlon=11.38",
  accessibility: "Trinnfri inngang",
  url: "https://folkemote.example/meetings/smahus",
  contact: "Kim, 72 41 00 00",
  agenda: ["19.00 Ordfører", "19.20 Spørsmål"],
  whatToBring: "Ingenting",
};
const LINKS = {
  google: "https://calendar.google.com/x",
  outlook: "https://outlook.live.com/x",
  office365: "https://outlook.office.com/x",
  ics: "https://folkemote.example/x.ics",
};
const KINDS: MeetingEmailKind[] = [
  "changed",
  "cancelled",
  "restored",
  "reminder",
  "message",
  "stream",
  "recording",
];

/** Names a form lets through (or an older row holds), each a way a fill-in could go wrong. */
const NAMES = [
  "Ola Nordmann",
  `Tom & "Jerry" <b>O'Brien</b>`,
  "Price $& $1 $$ $' $`",
  "Kari   Nordmann\tog\u00a0barna",
  "Åse Øvergård-Ærø ŋ ð 日本",
  "&amp; &#x27; &lt;script&gt;",
  "a".repeat(100),
];

function props(
  language: MeetingEmailProps["language"],
  kind: MeetingEmailKind,
  status: MeetingEmailProps["status"],
  online: boolean,
  name: string,
  token: string,
  place = 4,
): MeetingEmailProps {
  return {
    language,
    kind,
    name,
    status,
    partySize: 2,
    waitlistPosition: status === "waitlisted" ? place : null,
    manageUrl: `https://folkemote.example/r/${token}?lang=${language}`,
    changes: kind === "changed" ? [{ kind: "time", before: "19.00", after: "20.00" }] : [],
    message: kind === "message" ? "Husk & ta med <naboene>." : null,
    subject: kind === "message" ? "Om møtet" : null,
    meeting: MEETING,
    calendarAttached: kind !== "message",
    calendarLinks: LINKS,
    attendance: online ? "online" : "hall",
    online: online
      ? {
          stream: { url: "https://www.youtube.com/live/x", dialIn: "22 00 00 00" },
          revealsAt: null,
          askUrl: "https://folkemote.example/meetings/smahus/questions/new?from=online",
        }
      : null,
    recordingUrl: kind === "recording" ? "https://vimeo.com/1" : null,
  };
}

/** A template's own render of a mail: the reference every copy must equal. */
function renderOf<P extends object>(template: (props: P) => ReactElement) {
  return async (p: P): Promise<Rendered> => {
    const html = await render(createElement(template, p));
    return { html, text: toPlainText(html) };
  };
}
const direct = renderOf(MeetingEmail);

describe("one render for a mail sent to many", () => {
  it("gives every recipient exactly the mail a render of their own gives, in every kind and language, rendering each content once", async () => {
    const renderShared = createSkeletonCache();
    let renders = 0;
    const counted = (p: MeetingEmailProps) => {
      renders++;
      return direct(p);
    };
    for (const language of mailLanguages) {
      for (const kind of KINDS) {
        for (const status of ["confirmed", "waitlisted"] as const) {
          for (const online of [false, true]) {
            const before = renders;
            for (const [i, name] of NAMES.entries()) {
              // Each waitlisted recipient has a place of their own.
              const p = props(language, kind, status, online, name, `tok${i}-${kind}`, i + 1);
              const copy = await renderShared(p, slots, counted);
              const own = await direct(p);
              expect(copy.html, `${language} ${kind} ${status} ${name}`).toBe(own.html);
              expect(copy.text, `${language} ${kind} ${status} ${name}`).toBe(own.text);
            }
            // The skeleton and the check of the first copy; every later copy is filled in.
            expect(renders - before, `${language} ${kind} ${status} online=${online}`).toBe(2);
          }
        }
      }
    }
  });

  it("fills in a name or link that looks like markup as text, never as markup", async () => {
    const renderShared = createSkeletonCache();
    await renderShared(props("nb", "reminder", "confirmed", false, "Kari", "a"), slots, direct);
    const copy = await renderShared(
      props("nb", "reminder", "confirmed", false, `<img src=x onerror="alert(1)">`, "b"),
      slots,
      direct,
    );
    expect(copy.html).not.toContain("<img src=x");
    expect(copy.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(copy.text).toContain(`<img src=x onerror="alert(1)">`);
  });

  it("renders each mail on its own when a template changes a personal string on the way", async () => {
    const renderShared = createSkeletonCache();
    let renders = 0;
    const shouting = async (p: MeetingEmailProps) => {
      renders++;
      return direct({ ...p, name: p.name.toUpperCase() });
    };
    for (const name of ["Kari", "Ola", "Per"]) {
      const p = props("nb", "reminder", "confirmed", false, name, name);
      const copy = await renderShared(p, slots, shouting);
      expect(copy.text).toContain(`Hei ${name.toUpperCase()},`);
    }
    // Two for the first (skeleton and check, which failed), then one each.
    expect(renders).toBe(4);
  });

  it("keeps only the most recently used skeletons", async () => {
    const renderShared = createSkeletonCache(2);
    let renders = 0;
    const counted = (p: MeetingEmailProps) => {
      renders++;
      return direct(p);
    };
    const send = (kind: MeetingEmailKind, name: string) =>
      renderShared(props("nb", kind, "confirmed", false, name, name), slots, counted);
    await send("reminder", "A");
    await send("changed", "A");
    await send("reminder", "B"); // a hit: reminder becomes the most recent
    await send("message", "A"); // pushes out "changed"
    expect(renders).toBe(6);
    await send("reminder", "C");
    expect(renders).toBe(6);
    await send("changed", "B");
    expect(renders).toBe(8);
  });

  it("is what renderEmail does for meeting mails: the same bytes as a render of their own", async () => {
    for (const [i, name] of NAMES.entries()) {
      const p = props("nn", "reminder", "confirmed", true, name, `r${i}`);
      const mail = await renderEmail("meeting", p);
      const own = await direct(p);
      expect(mail.html).toBe(own.html);
      expect(mail.text).toBe(own.text);
    }
  });
});

const REGISTRATION_KINDS: RegistrationEmailKind[] = [
  "confirmed",
  "waitlisted",
  "promoted",
  "updated",
  "cancelled",
  "link",
];

function registration(
  language: RegistrationEmailProps["language"],
  kind: RegistrationEmailKind,
  status: RegistrationEmailProps["status"],
  online: boolean,
  name: string,
  i: number,
): RegistrationEmailProps {
  return {
    language,
    kind,
    name,
    partySize: 2,
    waitlistPosition: status === "waitlisted" ? i + 1 : null,
    status,
    manageUrl: `https://folkemote.example/r/tok${i}?lang=${language}`,
    meeting: MEETING,
    calendarLinks: LINKS,
    checkIn:
      status === "confirmed"
        ? { code: `K7M-Q${i}P`, url: `https://folkemote.example/c/${i}` }
        : null,
    canRejoin: kind === "cancelled",
    retentionDays: 90,
    attendance: online ? "online" : "hall",
    online: online
      ? { stream: null, revealsAt: "kl. 18.30", askUrl: "https://folkemote.example/q?from=online" }
      : null,
  };
}

const directRegistration = renderOf(RegistrationEmail);

describe("one render for many registration mails", () => {
  it("gives each person exactly their own mail, name, link, check-in code and waitlist place included, rendering each content once", async () => {
    const renderShared = createSkeletonCache();
    let renders = 0;
    const counted = (p: RegistrationEmailProps) => {
      renders++;
      return directRegistration(p);
    };
    for (const language of mailLanguages) {
      for (const kind of REGISTRATION_KINDS) {
        for (const status of ["confirmed", "waitlisted", "cancelled"] as const) {
          for (const online of [false, true]) {
            const before = renders;
            for (const [i, name] of NAMES.entries()) {
              const p = registration(language, kind, status, online, name, i);
              const copy = await renderShared(p, registrationSlots, counted);
              const own = await directRegistration(p);
              const label = `${language} ${kind} ${status} online=${online} ${name}`;
              expect(copy.html, label).toBe(own.html);
              expect(copy.text, label).toBe(own.text);
            }
            expect(renders - before, `${language} ${kind} ${status} online=${online}`).toBe(2);
          }
        }
      }
    }
  });

  it("is what renderEmail does for registration mails, the check-in image made from each person's own link", async () => {
    for (const [i, name] of NAMES.entries()) {
      const p = registration("nb", "confirmed", "confirmed", false, name, i);
      const mail = await renderEmail("registration", p);
      const own = await directRegistration(p);
      expect(mail.html).toBe(own.html);
      expect(mail.text).toBe(own.text);
      expect(mail.html).toContain(`K7M-Q${i}P`);
      expect(
        qrMismatches(mail.inlineImages[0]!.content, `https://folkemote.example/c/${i}`),
      ).toEqual([]);
    }
  });
});
