import { parseWithZod } from "@conform-to/zod/v4";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getAgenda, getMeetingById, getThemes, listMeetingChanges } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { getRegistration, listRegistrations } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { insertQuestion } from "../../db/questions";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { exportAttendees } from "../registrations/attendee-exports.server";
import {
  changeMeetingStatus,
  createMeeting,
  deleteDraft,
  deleteRefusedReason,
  duplicateMeeting,
  toFormValues,
  updateMeetingFromForm,
  newMeetingDefaults,
} from "./editor.server";
import { describeChangeValue } from "./changes";
import { meetingSchema, type MeetingFormValues } from "./forms";
import { RegistrationError, type ServiceContext } from "../registrations/registrations.server";
import { checkIn, undoCheckIn } from "../registrations/check-in.server";
import { addByOrganiser, promoteByOrganiser } from "../registrations/organiser-changes.server";
import { signUp } from "../registrations/testing";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv();
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
});
afterEach(() => env.cleanup());

function form(overrides: Record<string, unknown> = {}): MeetingFormValues {
  return meetingSchema.parse({
    title: "Folkemøte om småhus",
    slug: "smahus-2027",
    description: "**Velkommen**",
    startDate: "2027-01-14",
    startTime: "19:00",
    endTime: "21:00",
    venueName: "Storstuggu",
    address: "Osloveien 2, 7374 Røros",
    capacity: 50,
    maxPartySize: 4,
    agenda: "19.00 Velkommen\n19.30 Spørsmål",
    themes: "",
    reminderHours: ["24", "168"],
    ...overrides,
  });
}

describe("meeting editor", () => {
  it("creates a draft with Oslo times in UTC, agenda in order and a neutral default theme", () => {
    const id = createMeeting(ctx, organiser, form());
    const m = getMeetingById(env.db, id)!;
    expect(m.status).toBe("draft");
    expect(m.startsAt).toBe("2027-01-14T18:00:00.000Z");
    expect(m.reminderHours).toEqual([168, 24]);
    expect(getAgenda(env.db, id).map((a) => [a.timeLabel, a.title])).toEqual([
      ["19.00", "Velkommen"],
      ["19.30", "Spørsmål"],
    ]);
    // An empty themes field is not filled with the Røros demo's themes.
    expect(getThemes(env.db, id).map((t) => [t.title, t.description])).toEqual([
      ["Spørsmål og innspill", "Alt du lurer på eller vil si om saken."],
    ]);
    expect(newMeetingDefaults().themes).not.toMatch(/Gjøsvika|småhus|Bekymringer|taushetsplikt/i);
    expect(listAudit(env.db, { limit: 5 })[0]).toMatchObject({
      action: "meeting.create",
      meetingId: id,
    });
    expect(() => createMeeting(ctx, organiser, form())).toThrow(
      expect.objectContaining({ field: "slug", message: "error.slug.taken" }),
    );
  });

  it("round-trips through the form values", () => {
    const id = createMeeting(ctx, organiser, form({ endDate: "2027-01-15", endTime: "01:00" }));
    const values = toFormValues(env.db, getMeetingById(env.db, id)!);
    // As the browser would post them back.
    const formData = new FormData();
    for (const [key, value] of Object.entries(values)) {
      for (const v of Array.isArray(value) ? value : [value]) formData.append(key, v ?? "");
    }
    const submission = parseWithZod(formData, { schema: meetingSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      startTime: "19:00",
      endDate: "2027-01-15",
      endTime: "01:00",
      capacity: 50,
      reminderHours: [168, 24],
    });
    expect(submission.value.agenda).toBe("19.00 Velkommen\n19.30 Spørsmål");
  });

  it("raises SEQUENCE and records a change of time or place once the meeting is public", () => {
    const id = createMeeting(ctx, organiser, form());
    updateMeetingFromForm(ctx, organiser, id, form({ startTime: "18:00" }));
    expect(getMeetingById(env.db, id)!.sequence).toBe(0);
    changeMeetingStatus(ctx, organiser, id, "publish");
    const { changes } = updateMeetingFromForm(
      ctx,
      organiser,
      id,
      form({ startDate: "2027-06-10", venueName: "Bergstadens hotell" }),
    );
    expect(changes).toEqual(["time", "place"]);
    const m = getMeetingById(env.db, id)!;
    expect(m.sequence).toBe(1);
    expect(m.startsAt).toBe("2027-06-10T17:00:00.000Z");
    const recorded = listMeetingChanges(env.db, id);
    expect(recorded.map((c) => c.kind).sort()).toEqual(["place", "time"]);
    // Recorded in UTC, and written in each reader's language where it is shown.
    const time = recorded.find((c) => c.kind === "time")!;
    expect(time.after).toBe("2027-06-10T17:00:00.000Z/2027-06-10T19:00:00.000Z");
    expect(describeChangeValue("time", time.after, "nb")).toBe(
      "torsdag 10. juni 2027 kl. 19.00–21.00",
    );
    expect(describeChangeValue("time", time.after, "nn")).toBe(
      "torsdag 10. juni 2027 kl. 19.00–21.00",
    );
    expect(describeChangeValue("time", time.after, "en")).toBe(
      "Thursday 10 June 2027 at 19:00–21:00",
    );
    // A row recorded before the rule holds ready text, shown as it is.
    expect(describeChangeValue("time", "torsdag 3. juni 2027 kl. 19.00", "en")).toBe(
      "torsdag 3. juni 2027 kl. 19.00",
    );
    // Saving without changing time or place leaves SEQUENCE alone.
    updateMeetingFromForm(
      ctx,
      organiser,
      id,
      form({ startDate: "2027-06-10", venueName: "Bergstadens hotell", title: "Nytt navn" }),
    );
    expect(getMeetingById(env.db, id)!.sequence).toBe(1);
    changeMeetingStatus(ctx, organiser, id, "cancel");
    expect(getMeetingById(env.db, id)).toMatchObject({ status: "cancelled", sequence: 2 });
  });

  it("fills new seats from the waitlist when capacity goes up", () => {
    const id = createMeeting(ctx, organiser, form({ capacity: 1, maxPartySize: 1 }));
    changeMeetingStatus(ctx, organiser, id, "publish");
    signUp(ctx, id, { name: "A", email: "a@example.no", partySize: 1, needs: noNeeds });
    const b = signUp(ctx, id, { name: "B", email: "b@example.no", partySize: 1, needs: noNeeds });
    expect(b.kind).toBe("waitlisted");
    updateMeetingFromForm(ctx, organiser, id, form({ capacity: 2, maxPartySize: 1 }));
    expect(getRegistration(env.db, b.registration.id)!.status).toBe("confirmed");
  });

  it("duplicates as a draft with a free slug and no registrations", () => {
    const id = createMeeting(ctx, organiser, form());
    changeMeetingStatus(ctx, organiser, id, "publish");
    signUp(ctx, id, { name: "A", email: "a@example.no", partySize: 1, needs: noNeeds });
    const copy = duplicateMeeting(ctx, organiser, id);
    const again = duplicateMeeting(ctx, organiser, id);
    expect(getMeetingById(env.db, copy)).toMatchObject({
      slug: "smahus-2027-kopi",
      status: "draft",
      title: "Folkemøte om småhus",
    });
    expect(getMeetingById(env.db, again)!.slug).toBe("smahus-2027-kopi-2");
    expect(getAgenda(env.db, copy)).toHaveLength(2);
    expect(listRegistrations(env.db, copy)).toHaveLength(0);
  });
});

describe("addresses, publishing and deleting", () => {
  it("makes the address from the title when it is left empty, unique per meeting", () => {
    const a = createMeeting(
      ctx,
      organiser,
      form({ slug: undefined, title: "Møte om Øvre Årvollveien" }),
    );
    const b = createMeeting(
      ctx,
      organiser,
      form({ slug: undefined, title: "Møte om Øvre Årvollveien" }),
    );
    expect(getMeetingById(env.db, a)!.slug).toBe("mote-om-ovre-arvollveien");
    expect(getMeetingById(env.db, b)!.slug).toBe("mote-om-ovre-arvollveien-2");
    // A typed address is kept as typed, and another meeting's is refused rather than changed.
    expect(() => createMeeting(ctx, organiser, form({ slug: "mote-om-ovre-arvollveien" }))).toThrow(
      expect.objectContaining({ field: "slug", message: "error.slug.taken" }),
    );
    // Emptied when editing, it is made again from the title, never taking another's.
    updateMeetingFromForm(
      ctx,
      organiser,
      b,
      form({ slug: undefined, title: "Møte om Øvre Årvollveien" }),
    );
    expect(getMeetingById(env.db, b)!.slug).toBe("mote-om-ovre-arvollveien-2");
  });

  it("stores the meeting's own guidance for askers, empty for the neutral default", () => {
    const id = createMeeting(ctx, organiser, form({ questionGuidance: "Ikke skriv om naboer." }));
    expect(getMeetingById(env.db, id)!.questionGuidance).toBe("Ikke skriv om naboer.");
    expect(toFormValues(env.db, getMeetingById(env.db, id)!).questionGuidance).toBe(
      "Ikke skriv om naboer.",
    );
    updateMeetingFromForm(ctx, organiser, id, form());
    expect(getMeetingById(env.db, id)!.questionGuidance).toBe("");
  });

  it("refuses to publish a draft whose start has passed, and leaves it a draft", () => {
    const id = createMeeting(ctx, organiser, form());
    const after = new Date("2027-01-14T18:00:00.000Z");
    expect(() => changeMeetingStatus(ctx, organiser, id, "publish", after)).toThrow(
      expect.objectContaining({ message: "error.publish.past" }),
    );
    expect(getMeetingById(env.db, id)!.status).toBe("draft");
    changeMeetingStatus(ctx, organiser, id, "publish", new Date("2027-01-14T17:59:00.000Z"));
    expect(getMeetingById(env.db, id)!.status).toBe("published");
  });

  it("deletes only a draft no citizen has touched, and logs it by name", () => {
    const untouched = createMeeting(ctx, organiser, form({ slug: "utkast" }));
    deleteDraft(ctx, organiser, untouched);
    expect(getMeetingById(env.db, untouched)).toBeUndefined();
    expect(listAudit(env.db, { limit: 1 })[0]).toMatchObject({
      action: "meeting.delete",
      meetingId: null,
      target: "Folkemøte om småhus",
      details: { id: untouched, slug: "utkast" },
    });
    // The address is free again.
    expect(
      getMeetingById(env.db, createMeeting(ctx, organiser, form({ slug: "utkast" }))),
    ).toBeTruthy();

    const published = createMeeting(ctx, organiser, form({ slug: "publisert" }));
    changeMeetingStatus(ctx, organiser, published, "publish");
    expect(() => deleteDraft(ctx, organiser, published)).toThrow(
      expect.objectContaining({ message: "error.delete.notDraft", status: 409 }),
    );

    // Taken back to draft after someone signed up, or asked: it stays, to be cancelled instead.
    signUp(ctx, published, { name: "A", email: "a@example.no", partySize: 1, needs: noNeeds });
    changeMeetingStatus(ctx, organiser, published, "unpublish");
    expect(deleteRefusedReason(env.db, getMeetingById(env.db, published)!)).toBe("hasCitizens");
    expect(() => deleteDraft(ctx, organiser, published)).toThrow(
      expect.objectContaining({ message: "error.delete.hasCitizens" }),
    );
    const asked = createMeeting(ctx, organiser, form({ slug: "spurt" }));
    insertQuestion(env.db, {
      meetingId: asked,
      theme: null,
      text: "Hvor blir parkeringen?",
      askerName: null,
      showName: false,
      askerEmail: null,
      source: "web",
    });
    expect(deleteRefusedReason(env.db, getMeetingById(env.db, asked)!)).toBe("hasCitizens");
    expect(getMeetingById(env.db, published)).toBeTruthy();
  });
});

describe("attendees by hand", () => {
  it("adds a phone registration without email: same seat rules, no mail", () => {
    const meetingId = createTestMeeting(env.db, {
      capacity: 2,
      registrationClosesAt: new Date(Date.now() - 1000).toISOString(),
    });
    const r = addByOrganiser(ctx, organiser, meetingId, {
      name: "Per Telefon",
      email: null,
      phone: "72 41 00 00",
      partySize: 2,
      needs: noNeeds,
      note: "Ringte inn",
    });
    expect(r).toMatchObject({
      status: "confirmed",
      source: "organiser",
      phone: "72 41 00 00",
      email: null,
    });
    const w = addByOrganiser(ctx, organiser, meetingId, {
      name: "Walk In",
      email: "walk@example.no",
      phone: null,
      partySize: 1,
      needs: noNeeds,
      note: "",
    });
    expect(w.status).toBe("waitlisted");
    expect(listMessages(env.db).map((m) => m.toAddress)).toEqual(["walk@example.no"]);
    expect(() =>
      addByOrganiser(ctx, organiser, meetingId, {
        name: "Again",
        email: "WALK@example.no",
        phone: null,
        partySize: 1,
        needs: noNeeds,
        note: "",
      }),
    ).toThrow(RegistrationError);
  });

  it("moves someone up by hand only when the party fits", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 2 });
    signUp(ctx, meetingId, { name: "A", email: "a@example.no", partySize: 2, needs: noNeeds });
    const b = signUp(ctx, meetingId, {
      name: "B",
      email: "b@example.no",
      partySize: 1,
      needs: noNeeds,
    });
    expect(() => promoteByOrganiser(ctx, organiser, b.registration.id)).toThrowError(
      expect.objectContaining({ code: "noRoom", available: 0 }),
    );
    env.db.prepare("UPDATE meetings SET capacity = 3 WHERE id = ?").run(meetingId);
    expect(promoteByOrganiser(ctx, organiser, b.registration.id).status).toBe("confirmed");
    expect(
      listMessages(env.db)
        .filter((m) => m.toAddress === "b@example.no")
        .map((m) => JSON.parse(m.payload!).kind),
    ).toEqual(["waitlisted", "promoted"]);
  });

  it("checks people in and out, and logs exports of personal data", async () => {
    const meetingId = createTestMeeting(env.db);
    const a = signUp(ctx, meetingId, {
      name: '=HYPERLINK("x")',
      email: "a@example.no",
      partySize: 2,
      needs: noNeeds,
    });
    expect(checkIn(ctx, organiser, a.registration.id, 2).checkedInAt).not.toBeNull();
    expect(undoCheckIn(ctx, organiser, a.registration.id).checkedInAt).toBeNull();
    const file = await exportAttendees(
      env.db,
      organiser,
      getMeetingById(env.db, meetingId)!,
      "csv-semicolon",
    );
    expect(String(file.body)).toContain("'=HYPERLINK");
    expect(listAudit(env.db, { limit: 1 })[0]).toMatchObject({
      action: "export.csv-semicolon",
      details: { rows: 1, filter: "all" },
    });
  });
});

describe("summer time in the editor", () => {
  // As the browser posts the editor: conform reads empty fields as missing.
  const issues = (overrides: Record<string, string>) => {
    const fields: Record<string, string> = {
      title: "Folkemøte om småhus",
      slug: "smahus-2027",
      startDate: "2027-01-14",
      startTime: "19:00",
      endTime: "21:00",
      venueName: "Storstuggu",
      address: "Osloveien 2, 7374 Røros",
      capacity: "50",
      maxPartySize: "4",
      ...overrides,
    };
    const formData = new FormData();
    for (const [key, value] of Object.entries(fields)) formData.append(key, value);
    const submission = parseWithZod(formData, { schema: meetingSchema });
    return submission.status === "success"
      ? []
      : Object.entries(submission.error ?? {}).flatMap(([path, messages]) =>
          (messages ?? []).map((m) => [path, m]),
        );
  };

  it("refuses a start that does not exist in Oslo (spring forward), naming the date", () => {
    expect(issues({ startDate: "2026-03-29", startTime: "02:30", endTime: "04:00" })).toEqual([
      ["startTime", 'error.time.dst.missing|{"time":"02.30","date":"søndag 29. mars 2026"}'],
    ]);
  });

  it("refuses an end time that exists twice in Oslo (fall back)", () => {
    expect(issues({ startDate: "2026-10-25", startTime: "01:00", endTime: "02:30" })).toEqual([
      ["endTime", 'error.time.dst.ambiguous|{"time":"02.30","date":"søndag 25. oktober 2026"}'],
    ]);
  });

  it("refuses such a time for registration opening and closing too, and accepts 03:00", () => {
    expect(issues({ closesDate: "2026-03-29", closesTime: "02:15" }).map(([path]) => path)).toEqual(
      ["closesTime"],
    );
    expect(issues({ startDate: "2026-03-29", startTime: "03:00", endTime: "04:00" })).toEqual([]);
  });
});
