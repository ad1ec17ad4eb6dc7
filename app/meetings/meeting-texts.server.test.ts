import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { createTestMeeting } from "../../db/testing";
import { renderEmail } from "../../emails/render";
import { signUp } from "../registrations/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { duplicateMeeting } from "./editor.server";
import { meetingTextsSchema } from "./forms";
import { localisedMeeting, saveMeetingTexts, writtenLanguages } from "./meeting-texts.server";

let env: ReturnType<typeof serviceTestEnv>;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv();
  organiser = testOrganiser(env.db);
});
afterEach(() => env.cleanup());

function meetingWithAgenda() {
  const id = createTestMeeting(env.db, {
    title: "Småhus bak Gjøsvika",
    description: "Kommunen orienterer om planene.",
    accessibility: "Trinnfri inngang.",
    whatToBring: "Ta med spørsmålene dine.",
    agenda: [
      { timeLabel: "19.00", title: "Velkommen" },
      { timeLabel: "19.15", title: "Spørsmål og svar" },
    ],
  });
  return getMeetingById(env.db, id)!;
}

describe("a meeting's texts in the reader's language", () => {
  it("replace the bokmål ones where written, keep the agenda's times, and mark the rest as bokmål", () => {
    const meeting = meetingWithAgenda();
    saveMeetingTexts(env.db, organiser, meeting, "nn", {
      title: "Småhus bak Gjøsvika, på nynorsk",
      agenda: "Velkomen\nSpørsmål og svar",
    });
    const nn = localisedMeeting(env.db, meeting, "nn");
    expect(nn.meeting.title).toBe("Småhus bak Gjøsvika, på nynorsk");
    expect(nn.meeting.description).toBe("Kommunen orienterer om planene.");
    expect(nn.agenda.map((a) => [a.timeLabel, a.title])).toEqual([
      ["19.00", "Velkomen"],
      ["19.15", "Spørsmål og svar"],
    ]);
    expect(nn.fallback).toEqual({
      description: "nb",
      accessibility: "nb",
      whatToBring: "nb",
    });
    // Another language sees bokmål throughout, marked; bokmål itself needs no mark.
    expect(localisedMeeting(env.db, meeting, "en").fallback.title).toBe("nb");
    expect(localisedMeeting(env.db, meeting, "nb")).toMatchObject({ meeting, fallback: {} });
    expect(writtenLanguages(env.db, meeting.id)).toEqual(["nn"]);
    expect(listAudit(env.db, { limit: 1 })[0]).toMatchObject({
      action: "meeting.texts",
      details: { language: "nn", fields: ["title", "agenda"] },
    });
  });

  it("leave a translated agenda out once the bokmål agenda has another number of items", () => {
    const meeting = meetingWithAgenda();
    saveMeetingTexts(env.db, organiser, meeting, "en", { agenda: "Welcome\nQuestions" });
    env.db
      .prepare("DELETE FROM agenda_items WHERE meeting_id = ? AND position = 2")
      .run(meeting.id);
    const en = localisedMeeting(env.db, meeting, "en");
    expect(en.agenda.map((a) => a.title)).toEqual(["Velkommen"]);
    expect(en.fallback.agenda).toBe("nb");
  });

  it("are checked like the editor's, and a translated agenda needs a line per item", () => {
    const schema = meetingTextsSchema(2);
    expect(schema.safeParse({ title: "", agenda: "Velkomen\nSpørsmål" }).success).toBe(true);
    const oneLine = schema.safeParse({ agenda: "Velkomen" });
    expect(oneLine.error?.issues[0]?.message).toContain("meetingTexts.error.agendaLines");
    expect(schema.safeParse({ title: "x".repeat(151) }).success).toBe(false);
    expect(schema.safeParse({ title: "Tittel\u0007" }).success).toBe(false);
  });

  it("go with a duplicated meeting", () => {
    const meeting = meetingWithAgenda();
    saveMeetingTexts(env.db, organiser, meeting, "sma", { title: "Gåetieh" });
    const copy = getMeetingById(env.db, duplicateMeeting(env.ctx, organiser, meeting.id))!;
    expect(localisedMeeting(env.db, copy, "sma").meeting.title).toBe("Gåetieh");
  });

  it("reach an English reader's confirmation mail and its calendar, with bokmål marked", async () => {
    const meeting = meetingWithAgenda();
    saveMeetingTexts(env.db, organiser, meeting, "en", {
      title: "Small homes behind Gjøsvika",
      description: "The municipality explains its plans.",
      whatToBring: "Bring your questions.",
    });
    signUp(env.ctx, meeting.id, {
      name: "Emma English",
      email: "emma@example.no",
      partySize: 1,
      needs: noNeeds,
      language: "en",
    });
    const [mail] = listMessages(env.db);
    const rendered = await renderEmail(mail!.template, JSON.parse(mail!.payload!));
    expect(rendered.subject).toContain("Small homes behind Gjøsvika");
    expect(rendered.html).toContain("Bring your questions.");
    // Not written in English: shown in bokmål, and said to be bokmål.
    expect(rendered.html).toMatch(/<span lang="nb">Trinnfri inngang\.<\/span>/);
    expect(rendered.html).not.toMatch(/lang="nb"[^>]*>Small homes/);
    const event = new ICAL.Component(ICAL.parse(mail!.ical!)).getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("summary")).toBe("Small homes behind Gjøsvika");
    expect(String(event.getFirstPropertyValue("description"))).toContain(
      "The municipality explains its plans.",
    );
  });
});
