import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { countCheckIns, getRegistration } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { checkInList, exportAttendees } from "./attendee-exports.server";
import { Refusal } from "../platform/refusal.server";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { attendees } from "./attendees.server";
import { type ServiceContext } from "./registrations.server";
import { checkIn, undoCheckIn } from "./check-in.server";
import { addByOrganiser, cancelByOrganiser, editByOrganiser } from "./organiser-changes.server";
import { signUp } from "./testing";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv();
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
});
afterEach(() => env.cleanup());

let people = 0;
const attend = (meetingId: number, name: string, partySize = 1) =>
  signUp(ctx, meetingId, {
    name,
    email: `person${++people}@example.no`,
    partySize,
    needs: noNeeds,
  }).registration;

const phoneIn = (meetingId: number, name: string, partySize = 1) =>
  addByOrganiser(ctx, organiser, meetingId, {
    name,
    email: null,
    phone: "72 41 00 00",
    partySize,
    needs: noNeeds,
    note: "",
  });

describe("finding a check-in code", () => {
  it("finds the person however the code was typed or read aloud", () => {
    const meetingId = createTestMeeting(env.db);
    const kari = attend(meetingId, "Kari Kvikne");
    attend(meetingId, "Per Pålsson");
    env.db.prepare("UPDATE registrations SET check_in_code = 'RRU-77R' WHERE id = ?").run(kari.id);
    const meeting = getMeetingById(env.db, meetingId)!;
    for (const typed of ["RRU77R", "rru 77r", "RRU-77R", "Rru–77r", "rru7"]) {
      const found = attendees(env.db, meeting, "all", typed).shown.map((r) => r.name);
      expect(found, typed).toEqual(["Kari Kvikne"]);
    }
    // Two characters would match half a hall's codes; names still match as before.
    expect(attendees(env.db, meeting, "all", "rr").shown).toEqual([]);
    expect(attendees(env.db, meeting, "all", "pål").shown.map((r) => r.name)).toEqual([
      "Per Pålsson",
    ]);
    expect(attendees(env.db, meeting, "all", "RRU-77S").shown).toEqual([]);
  });
});

describe("checking in part of a party", () => {
  it("stores how many came, counts people, and takes a later count without losing the time", () => {
    const meetingId = createTestMeeting(env.db);
    const family = attend(meetingId, "Kari Kvikne", 4);
    attend(meetingId, "Per Pålsson", 1);

    const three = checkIn(ctx, organiser, family.id, 3);
    expect(three).toMatchObject({ checkedInPeople: 3 });
    expect(three.checkedInAt).not.toBeNull();
    expect(countCheckIns(env.db, meetingId)).toEqual({
      arrivedPeople: 3,
      arrivedRegistrations: 1,
      expectedPeople: 5,
    });

    env.db
      .prepare("UPDATE registrations SET checked_in_at = '2026-12-10T18:02:00.000Z' WHERE id = ?")
      .run(family.id);
    // The fourth comes later: the count goes up, the first arrival's time stays.
    expect(checkIn(ctx, organiser, family.id, 4)).toMatchObject({
      checkedInPeople: 4,
      checkedInAt: "2026-12-10T18:02:00.000Z",
    });
    expect(countCheckIns(env.db, meetingId).arrivedPeople).toBe(4);

    const logged = listAudit(env.db, { limit: 10, meetingId }).filter((e) =>
      e.action.startsWith("checkin."),
    );
    expect(logged.map((e) => [e.action, e.details?.people])).toEqual([
      ["checkin.arrived", 4],
      ["checkin.arrived", 3],
    ]);
  });

  it("refuses a count outside one to the whole party, and changes nothing", () => {
    const meetingId = createTestMeeting(env.db);
    const family = attend(meetingId, "Kari Kvikne", 4);
    for (const people of [0, 5, -1, 2.5, Number.NaN]) {
      let refusal: unknown;
      try {
        checkIn(ctx, organiser, family.id, people);
      } catch (error) {
        refusal = error;
      }
      expect(refusal, String(people)).toBeInstanceOf(Refusal);
      expect((refusal as Refusal).message).toBe('error.checkin.people|{"count":4}');
      expect((refusal as Refusal).status).toBe(400);
    }
    expect(getRegistration(env.db, family.id)).toMatchObject({
      checkedInAt: null,
      checkedInPeople: null,
    });
    expect(listAudit(env.db, { limit: 10, meetingId }).map((e) => e.action)).not.toContain(
      "checkin.arrived",
    );
  });

  it("undoes a check-in, and refuses a cancelled registration", () => {
    const meetingId = createTestMeeting(env.db);
    const family = attend(meetingId, "Kari Kvikne", 4);
    checkIn(ctx, organiser, family.id, 2);
    expect(undoCheckIn(ctx, organiser, family.id)).toMatchObject({
      checkedInAt: null,
      checkedInPeople: null,
    });
    expect(countCheckIns(env.db, meetingId).arrivedPeople).toBe(0);
    expect(listAudit(env.db, { limit: 1, meetingId })[0]?.action).toBe("checkin.undo");

    cancelByOrganiser(ctx, organiser, family.id);
    expect(() => checkIn(ctx, organiser, family.id, 1)).toThrow(Refusal);
    expect(() => undoCheckIn(ctx, organiser, family.id)).toThrow(Refusal);
  });

  it("never counts more people through the door than a party that shrank holds", () => {
    const meetingId = createTestMeeting(env.db);
    const guests = phoneIn(meetingId, "Ola Telefon", 4);
    checkIn(ctx, organiser, guests.id, 3);
    editByOrganiser(ctx, organiser, guests.id, {
      name: "Ola Telefon",
      email: null,
      phone: "72 41 00 00",
      partySize: 2,
      needs: noNeeds,
      note: "",
    });
    expect(getRegistration(env.db, guests.id)).toMatchObject({ partySize: 2, checkedInPeople: 2 });
    expect(countCheckIns(env.db, meetingId).arrivedPeople).toBe(2);
  });

  it("puts the count in the exports", async () => {
    const meetingId = createTestMeeting(env.db);
    const family = attend(meetingId, "Kari Kvikne", 4);
    attend(meetingId, "Per Pålsson", 1);
    checkIn(ctx, organiser, family.id, 3);
    const file = await exportAttendees(
      env.db,
      organiser,
      getMeetingById(env.db, meetingId)!,
      "csv-semicolon",
    );
    const lines = String(file.body)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    const header = lines[0]!.split(";");
    const column = (line: string, name: string) => line.split(";")[header.indexOf(name)];
    const kvikne = lines.find((l) => l.startsWith("Kvikne;"))!;
    const palsson = lines.find((l) => l.startsWith("Pålsson;"))!;
    expect(column(kvikne, "Antall personer")).toBe("4");
    expect(column(kvikne, "Antall møtt")).toBe("3");
    expect(column(kvikne, "Møtt")).toMatch(/^Ja \d\d\.\d\d$/);
    expect(column(palsson, "Antall møtt")).toBe("");
  });
});

describe("the door list", () => {
  it("lists the seats by surname, then the waitlist in its order, and no cancellations", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 3 });
    attend(meetingId, "Åse Ødegård", 1);
    attend(meetingId, "Bjørn Berg", 2);
    const zara = attend(meetingId, "Zara Zakariassen", 2);
    attend(meetingId, "Anne Aas", 1);
    const gone = attend(meetingId, "Cato Cancel", 1);
    cancelByOrganiser(ctx, organiser, gone.id);
    expect(getRegistration(env.db, zara.id)!.status).toBe("waitlisted");

    const list = checkInList(env.db, organiser, getMeetingById(env.db, meetingId)!);
    expect(list.map((r) => [r.name, r.status, r.waitlistPosition])).toEqual([
      ["Bjørn Berg", "confirmed", null],
      ["Åse Ødegård", "confirmed", null],
      // The order seats would be offered in, not the alphabet.
      ["Zara Zakariassen", "waitlisted", 1],
      ["Anne Aas", "waitlisted", 2],
    ]);
    expect(listAudit(env.db, { limit: 1, meetingId })[0]).toMatchObject({
      action: "export.print",
      details: { rows: 4 },
    });
  });
});
