import zlib from "node:zlib";
import { parse } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { createTestMeeting } from "../../db/testing";
import { answerQuestion, approveQuestion } from "../questions/moderation.server";
import { askQuestion, meetingThemeChoices } from "../questions/questions.server";
import { checkIn } from "../registrations/check-in.server";
import type { ServiceContext } from "../registrations/registrations.server";
import { signUp } from "../registrations/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { listMessages } from "../../db/outbox";
import { setDisabled } from "../../db/organisers";
import { renderEmail } from "../../emails/render";
import { archiveStatus, makeArchive } from "./archive.server";
import { warnUnarchivedMeetings } from "./archive-warning.server";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv();
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
});
afterEach(() => env.cleanup());

/** The text a PDF draws: its content streams inflated, the hex strings of Tj read as WinAnsi. */
function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString("latin1");
  const texts: string[] = [];
  for (const [, body] of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(body!, "latin1")).toString("latin1");
    } catch {
      content = body!;
    }
    for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      texts.push(Buffer.from(hex!, "hex").toString("latin1"));
    }
  }
  return texts.join("\n");
}

function meetingWithHistory() {
  const meetingId = createTestMeeting(env.db, { capacity: 2 });
  const a = signUp(ctx, meetingId, {
    name: "Aslaug Arkiv",
    email: "aslaug@example.no",
    partySize: 2,
    needs: noNeeds,
  });
  signUp(ctx, meetingId, {
    name: "Viggo Vent",
    email: "viggo@example.no",
    partySize: 1,
    needs: noNeeds,
  });
  checkIn(ctx, organiser, a.registration.id, 2);
  const meeting = getMeetingById(env.db, meetingId)!;
  const themeValue = meetingThemeChoices(env.db, meeting)[0]!.value;
  const asked = askQuestion(
    ctx,
    meetingId,
    {
      themeValue,
      text: "Blir det gatelys på stien?",
      name: "Aslaug Arkiv",
      showName: true,
      email: "aslaug@example.no",
      source: "web",
    },
    "supporter-a",
  );
  approveQuestion(ctx, organiser, asked.question.id);
  answerQuestion(ctx, organiser, asked.question.id, "Ja, før vinteren.");
  return getMeetingById(env.db, meetingId)!;
}

describe("the archive package", () => {
  it("carries the meeting, questions, answers and counts, without personal data by default", async () => {
    const meeting = meetingWithHistory();
    const json = await makeArchive(env.db, organiser, meeting, "json", false);
    expect(json.filename).toBe(`arkiv-${meeting.slug}.json`);
    const content = JSON.parse(json.body as string);
    expect(content.meeting.title).toBe(meeting.title);
    expect(content.questions).toMatchObject([
      {
        number: 1,
        text: "Blir det gatelys på stien?",
        answer: "Ja, før vinteren.",
        supportCount: 1,
      },
    ]);
    expect(content.attendance).toMatchObject({
      registeredPeople: 2,
      waitlistedPeople: 1,
      checkedInPeople: 2,
    });
    expect(content.attendees).toBeUndefined();

    const csv = await makeArchive(env.db, organiser, meeting, "csv", false);
    const rows = parse(csv.body as string, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toMatchObject([
      { Spørsmål: "Blir det gatelys på stien?", Svar: "Ja, før vinteren." },
    ]);

    const pdf = await makeArchive(env.db, organiser, meeting, "pdf", false);
    expect(pdf.contentType).toBe("application/pdf");
    const doc = await PDFDocument.load(pdf.body as Uint8Array);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe(`Arkiv: ${meeting.title}`);
    const text = pdfText(pdf.body as Uint8Array);
    expect(text).toContain("Blir det gatelys på stien?");
    expect(text).toContain("Svar: Ja, før vinteren.");

    for (const body of [json.body as string, csv.body as string, text]) {
      expect(body).not.toMatch(/Aslaug|aslaug@|Viggo|viggo@/);
    }
  });

  it("holds the attendee list and askers only when chosen, and says so in its name and the log", async () => {
    const meeting = meetingWithHistory();
    const json = await makeArchive(env.db, organiser, meeting, "json", true);
    expect(json.filename).toBe(`arkiv-${meeting.slug}-med-personopplysninger.json`);
    const content = JSON.parse(json.body as string);
    expect(content.attendees.map((r: { name: string }) => r.name)).toEqual([
      "Aslaug Arkiv",
      "Viggo Vent",
    ]);
    expect(content.questions[0].askerEmail).toBe("aslaug@example.no");
    const logged = listAudit(env.db, { limit: 5 }).filter((e) => e.action === "meeting.archive");
    expect(logged.map((e) => e.details)).toEqual([{ format: "json", personalData: true }]);
  });

  it("tells the dashboard whether it was made before the retention date", async () => {
    const meeting = meetingWithHistory();
    expect(archiveStatus(env.db, meeting, 30)).toMatchObject({ last: null, beforeErasure: false });
    await makeArchive(env.db, organiser, meeting, "pdf", false);
    expect(archiveStatus(env.db, meeting, 30)).toMatchObject({
      last: { format: "pdf" },
      beforeErasure: true,
    });
    // A package made after the erasure date is too late for the people behind it.
    expect(archiveStatus(env.db, meeting, -1000).beforeErasure).toBe(false);
  });
});

describe("the archive warning", () => {
  const DAY = 24 * 3600_000;
  const policy = { retentionDays: 30, warningDays: 14 };
  function endedDaysAgo(meetingId: number, days: number) {
    const end = Date.now() - days * DAY;
    env.db
      .prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?")
      .run(new Date(end - 2 * 3600_000).toISOString(), new Date(end).toISOString(), meetingId);
  }

  it("mails each active organiser once, N days before the erasure, while nobody has archived", async () => {
    const meeting = meetingWithHistory();
    const archived = meetingWithHistory();
    const away = testOrganiser(env.db, { email: "borte@roros.kommune.no", name: "Borte" });
    setDisabled(env.db, away.id, true);
    await makeArchive(env.db, organiser, archived, "pdf", false);
    endedDaysAgo(archived.id, 20);

    endedDaysAgo(meeting.id, 10);
    expect(warnUnarchivedMeetings(ctx, policy)).toBe(0);
    endedDaysAgo(meeting.id, 17);
    expect(warnUnarchivedMeetings(ctx, policy)).toBe(1);
    expect(warnUnarchivedMeetings(ctx, policy)).toBe(0);

    const [mail] = listMessages(env.db).filter((m) => m.template === "archive-warning");
    expect(mail).toMatchObject({
      toAddress: organiser.email,
      meetingId: meeting.id,
      purpose: "other",
    });
    const rendered = await renderEmail(mail!.template, JSON.parse(mail!.payload!));
    expect(rendered.subject).toBe(`Arkiver før sletting: ${meeting.title}`);
    expect(rendered.html).toContain(`/admin/meetings/${meeting.id}`);

    // Past its erasure, a warning would come too late.
    const late = meetingWithHistory();
    endedDaysAgo(late.id, 31);
    expect(warnUnarchivedMeetings(ctx, policy)).toBe(0);
  });
});
