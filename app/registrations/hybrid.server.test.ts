// Hybrid meetings (ADR 0016): the hall's seats and the online places, each with its own
// waitlist; moving between them through the personal link; the door is the hall's; the
// stream link only for confirmed online attendees, from its time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getMeetingById, setMeetingStream } from "../../db/meetings";
import { getRegistration } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { updateMeetingFromForm, toFormValues } from "../meetings/editor.server";
import { meetingSchema } from "../meetings/forms";
import type { ServiceContext } from "../platform/service.server";
import { checkIn } from "./check-in.server";
import { manageView } from "./manage.server";
import { addByOrganiser } from "./organiser-changes.server";
import { publicMeetingView } from "./public-view.server";
import {
  cancelRegistration,
  changeRegistration,
  placesLeft,
  RegistrationError,
  seatsLeft,
  type Attendance,
} from "./registrations.server";
import { streamAccess } from "./stream.server";
import { signUp } from "./testing";

const MINUTE = 60_000;
let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;

beforeEach(() => {
  env = serviceTestEnv();
  ctx = env.ctx;
});
afterEach(() => env.cleanup());

let n = 0;
function join(meetingId: number, attendance?: Attendance, partySize = 1) {
  n++;
  return signUp(ctx, meetingId, {
    name: `Person ${n}`,
    email: `person${n}@example.no`,
    partySize,
    needs: noNeeds,
    attendance,
  });
}

const hybrid = (overrides: Parameters<typeof createTestMeeting>[1] = {}) =>
  createTestMeeting(ctx.db, { attendance: "both", capacity: 2, maxPartySize: 2, ...overrides });

describe("seats in the hall and places online", () => {
  it("a full hall takes the next online sign-up as confirmed, never onto the hall's waitlist", () => {
    const id = hybrid();
    expect(join(id, "hall", 2).kind).toBe("confirmed");
    const meeting = getMeetingById(ctx.db, id)!;
    expect(seatsLeft(ctx.db, meeting)).toBe(0);

    const online = join(id, "online", 3);
    expect(online.kind).toBe("confirmed");
    expect(online.registration.attendance).toBe("online");
    // Online took no seat; a hall sign-up still goes to the hall's waitlist.
    expect(seatsLeft(ctx.db, meeting)).toBe(0);
    expect(join(id, "hall").kind).toBe("waitlisted");
    expect(placesLeft(ctx.db, meeting, "online")).toBe(Infinity);
    expect(publicMeetingView(ctx.db, meeting, "nb")).toMatchObject({
      seatsLeft: 0,
      onlineLeft: null,
    });
  });

  it("a meeting held in one way only seats everyone that way, whatever the form sent", () => {
    const hall = createTestMeeting(ctx.db, { capacity: 5 });
    expect(join(hall, "online").registration.attendance).toBe("hall");
    const online = createTestMeeting(ctx.db, { attendance: "online", capacity: 1 });
    expect(join(online).registration.attendance).toBe("online");
    expect(join(online, "hall", 3).kind).toBe("confirmed");
  });

  it("a limit on online places has its own waitlist, and a freed place promotes from it alone", () => {
    const id = hybrid({ onlineCapacity: 1 });
    const first = join(id, "online");
    const waitingOnline = join(id, "online");
    expect(waitingOnline.kind).toBe("waitlisted");
    join(id, "hall", 2);
    const waitingHall = join(id, "hall");
    expect(waitingHall.kind).toBe("waitlisted");

    cancelRegistration(ctx, first.registration.id);
    expect(getRegistration(ctx.db, waitingOnline.registration.id)!.status).toBe("confirmed");
    // No seat came free in the hall.
    expect(getRegistration(ctx.db, waitingHall.registration.id)!.status).toBe("waitlisted");
  });
});

describe("moving between the hall and online through the personal link", () => {
  it("to online frees the seat, which goes to the hall's waitlist; back needs a free seat", () => {
    const id = hybrid();
    const kari = join(id, "hall", 2);
    const waiting = join(id, "hall");
    changeRegistration(ctx, kari.registration.id, {
      partySize: 2,
      needs: noNeeds,
      attendance: "online",
    });
    expect(getRegistration(ctx.db, kari.registration.id)).toMatchObject({
      attendance: "online",
      status: "confirmed",
    });
    expect(getRegistration(ctx.db, waiting.registration.id)!.status).toBe("confirmed");

    // One seat is left and Kari's party is two: she stays online, and is told why.
    const refusal = (() => {
      try {
        changeRegistration(ctx, kari.registration.id, {
          partySize: 2,
          needs: noNeeds,
          attendance: "hall",
        });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(RegistrationError);
    expect((refusal as RegistrationError).code).toBe("noRoomThere");
    expect(getRegistration(ctx.db, kari.registration.id)!.attendance).toBe("online");

    // With one person she fits.
    changeRegistration(ctx, kari.registration.id, {
      partySize: 1,
      needs: noNeeds,
      attendance: "hall",
    });
    expect(getRegistration(ctx.db, kari.registration.id)!.attendance).toBe("hall");
  });

  it("someone waiting for the hall can take an online place at once", () => {
    const id = hybrid({ capacity: 1 });
    join(id, "hall");
    const waiting = join(id, "hall");
    changeRegistration(ctx, waiting.registration.id, {
      partySize: 1,
      needs: noNeeds,
      attendance: "online",
    });
    expect(getRegistration(ctx.db, waiting.registration.id)).toMatchObject({
      attendance: "online",
      status: "confirmed",
    });
  });
});

describe("the organisers' side", () => {
  it("check-in is for the hall: an online attendee is refused at the door", () => {
    const id = hybrid();
    const organiser = testOrganiser(ctx.db);
    const online = join(id, "online");
    expect(() => checkIn(ctx, organiser, online.registration.id, 1)).toThrow(
      /error.checkin.online/,
    );
    const added = addByOrganiser(ctx, organiser, id, {
      name: "Ola",
      email: null,
      phone: null,
      partySize: 1,
      needs: noNeeds,
      note: "",
      attendance: "online",
    });
    expect(added.attendance).toBe("online");
  });

  it("the editor will not take away a way of attending people are signed up for", () => {
    const id = hybrid();
    const organiser = testOrganiser(ctx.db);
    join(id, "online");
    const meeting = getMeetingById(ctx.db, id)!;
    const values = meetingSchema.parse({
      ...Object.fromEntries(
        Object.entries(toFormValues(ctx.db, meeting)).filter(([, v]) => v !== ""),
      ),
      capacity: meeting.capacity,
      maxPartySize: meeting.maxPartySize,
      streamRevealMinutes: meeting.streamRevealMinutes,
      attendance: "hall",
    });
    expect(() => updateMeetingFromForm(ctx, organiser, id, values)).toThrow(
      'error.attendance.inUse.online|{"count":1}',
    );
    expect(getMeetingById(ctx.db, id)!.attendance).toBe("both");
  });
});

describe("the stream link", () => {
  function soon(minutesAhead: number) {
    const start = Date.now() + minutesAhead * MINUTE;
    const id = hybrid({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 90 * MINUTE).toISOString(),
    });
    setMeetingStream(ctx.db, id, { streamUrl: "https://www.youtube.com/live/abc", dialIn: "" });
    return id;
  }

  it("goes to confirmed online attendees only, and only from its time", () => {
    const later = soon(60);
    const early = join(later, "online");
    const meeting = getMeetingById(ctx.db, later)!;
    expect(streamAccess(ctx.db, meeting, early.registration)).toEqual({
      state: "later",
      revealsAt: new Date(Date.parse(meeting.startsAt) - 15 * MINUTE).toISOString(),
    });
    const view = manageView(ctx.db, early.token);
    expect(view.stream).toMatchObject({ state: "later" });
    expect(JSON.stringify(view)).not.toContain("youtube");

    const now = soon(10);
    const online = join(now, "online");
    const hall = join(now, "hall");
    expect(manageView(ctx.db, online.token).stream).toEqual({
      state: "open",
      url: "https://www.youtube.com/live/abc",
      dialIn: "",
    });
    expect(manageView(ctx.db, hall.token).stream).toBeNull();
    expect(JSON.stringify(manageView(ctx.db, hall.token))).not.toContain("youtube");
    // The public page's data has no stream, whatever the time.
    expect(
      JSON.stringify(publicMeetingView(ctx.db, getMeetingById(ctx.db, now)!, "nb")),
    ).not.toContain("youtube");
    cancelRegistration(ctx, online.registration.id);
    expect(manageView(ctx.db, online.token).stream).toBeNull();
  });

  it("is given to nobody once the meeting is over", () => {
    const start = Date.now() - 3 * 60 * MINUTE;
    const id = hybrid({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 60 * MINUTE).toISOString(),
    });
    setMeetingStream(ctx.db, id, { streamUrl: "https://vimeo.com/1", dialIn: "" });
    const meeting = getMeetingById(ctx.db, id)!;
    expect(streamAccess(ctx.db, meeting, { attendance: "online", status: "confirmed" })).toBeNull();
  });
});
