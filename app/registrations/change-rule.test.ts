// One rule decides whether a registration may change now: after a meeting has ended, or on a
// cancelled meeting, no path moves anyone from the waitlist or mails "Du har fått plass".
import { parseWithZod } from "@conform-to/zod/v4";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { getRegistration } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import {
  changeMeetingStatus,
  toFormValues,
  updateMeetingFromForm,
} from "../meetings/editor.server";
import { meetingSchema } from "../meetings/forms";
import {
  cancelRegistration,
  changeClosedReason,
  changeRegistration,
  RegistrationError,
  type ServiceContext,
} from "./registrations.server";
import {
  addByOrganiser,
  cancelByOrganiser,
  cancelManyByOrganiser,
  editByOrganiser,
  promoteByOrganiser,
} from "./organiser-changes.server";
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

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();
const status = (id: number) => getRegistration(env.db, id)!.status;
const promotedMails = () =>
  listMessages(env.db).filter((m) => m.payload && JSON.parse(m.payload).kind === "promoted");

/** A meeting with one seat: Astrid (party of 2 on a 2-seat meeting) holds it, Bjørn waits. */
function fullMeeting() {
  const meetingId = createTestMeeting(env.db, { capacity: 2 });
  const a = signUp(ctx, meetingId, {
    name: "Astrid",
    email: "astrid@example.no",
    partySize: 2,
    needs: noNeeds,
  });
  const b = signUp(ctx, meetingId, {
    name: "Bjørn",
    email: "bjorn@example.no",
    partySize: 1,
    needs: noNeeds,
  });
  expect(b.registration.status).toBe("waitlisted");
  return { meetingId, a: a.registration.id, b: b.registration.id };
}

/** Moves the meeting into the past: it started three hours ago and ended one hour ago. */
function endMeeting(meetingId: number) {
  env.db
    .prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?")
    .run(hours(-3), hours(-1), meetingId);
}

function expectNobodyPromoted(b: number) {
  expect(status(b)).toBe("waitlisted");
  expect(promotedMails()).toHaveLength(0);
}

describe("after the meeting has ended", () => {
  it("the citizen's cancel through the personal link is refused, and nobody is promoted", () => {
    const { meetingId, a, b } = fullMeeting();
    endMeeting(meetingId);
    expect(() => cancelRegistration(ctx, a)).toThrowError(
      expect.objectContaining({ code: "closed" }),
    );
    expect(status(a)).toBe("confirmed");
    expectNobodyPromoted(b);
  });

  it("an organiser may still cancel, but nobody is promoted", () => {
    const { meetingId, a, b } = fullMeeting();
    endMeeting(meetingId);
    cancelByOrganiser(ctx, organiser, a);
    expect(status(a)).toBe("cancelled");
    expectNobodyPromoted(b);
  });

  it("cancelling a burst together promotes nobody", () => {
    const { meetingId, a, b } = fullMeeting();
    endMeeting(meetingId);
    cancelManyByOrganiser(ctx, organiser, meetingId, [a]);
    expectNobodyPromoted(b);
  });

  it("a smaller party (citizen or organiser) promotes nobody", () => {
    const { meetingId, a, b } = fullMeeting();
    endMeeting(meetingId);
    expect(() => changeRegistration(ctx, a, { partySize: 1, needs: noNeeds })).toThrow(
      RegistrationError,
    );
    editByOrganiser(ctx, organiser, a, {
      name: "Astrid",
      email: "astrid@example.no",
      phone: null,
      partySize: 1,
      needs: noNeeds,
      note: "",
    });
    expect(getRegistration(env.db, a)!.partySize).toBe(1);
    expectNobodyPromoted(b);
  });

  it("more seats in the editor promote nobody", () => {
    const { meetingId, b } = fullMeeting();
    endMeeting(meetingId);
    const values = { ...toFormValues(env.db, getMeetingById(env.db, meetingId)!), capacity: "10" };
    const formData = new FormData();
    for (const [key, value] of Object.entries(values)) {
      for (const v of Array.isArray(value) ? value : [value]) formData.append(key, v ?? "");
    }
    const submission = parseWithZod(formData, { schema: meetingSchema });
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    updateMeetingFromForm(ctx, organiser, meetingId, submission.value);
    expect(getMeetingById(env.db, meetingId)!.capacity).toBe(10);
    expectNobodyPromoted(b);
  });

  it("restoring a cancelled meeting promotes nobody", () => {
    const { meetingId, a, b } = fullMeeting();
    changeMeetingStatus(ctx, organiser, meetingId, "cancel");
    cancelByOrganiser(ctx, organiser, a);
    endMeeting(meetingId);
    changeMeetingStatus(ctx, organiser, meetingId, "restore");
    expect(getMeetingById(env.db, meetingId)!.status).toBe("published");
    expectNobodyPromoted(b);
  });

  it("an organiser cannot move someone up by hand", () => {
    const { meetingId, b } = fullMeeting();
    env.db.prepare("UPDATE meetings SET capacity = 3 WHERE id = ?").run(meetingId);
    endMeeting(meetingId);
    expect(() => promoteByOrganiser(ctx, organiser, b)).toThrowError(
      expect.objectContaining({ code: "closed" }),
    );
    expectNobodyPromoted(b);
  });
});

describe("on a cancelled meeting", () => {
  it("no path promotes, and the citizen's link changes nothing", () => {
    const { meetingId, a, b } = fullMeeting();
    changeMeetingStatus(ctx, organiser, meetingId, "cancel");
    expect(() => cancelRegistration(ctx, a)).toThrow(RegistrationError);
    cancelByOrganiser(ctx, organiser, a);
    expectNobodyPromoted(b);
    expect(() =>
      addByOrganiser(ctx, organiser, meetingId, {
        name: "Ny",
        email: null,
        phone: null,
        partySize: 1,
        needs: noNeeds,
        note: "",
      }),
    ).toThrow(RegistrationError);
  });
});

describe("before the meeting", () => {
  it("promotes as usual when a seat frees", () => {
    const { a, b } = fullMeeting();
    cancelRegistration(ctx, a);
    expect(status(b)).toBe("confirmed");
    expect(promotedMails()).toHaveLength(1);
  });

  it("lets a citizen cancel after sign-up has closed, until the meeting ends", () => {
    const meetingId = createTestMeeting(env.db, { registrationClosesAt: hours(-1) });
    const meeting = getMeetingById(env.db, meetingId)!;
    expect(changeClosedReason(meeting, "signUp")).toBe("closed");
    expect(changeClosedReason(meeting, "citizenChange")).toBe("closed");
    expect(changeClosedReason(meeting, "citizenCancel")).toBeNull();
    expect(changeClosedReason(meeting, "promote")).toBeNull();
    const ended = { ...meeting, endsAt: hours(-1) };
    for (const what of ["signUp", "citizenChange", "citizenCancel", "promote"] as const) {
      expect(changeClosedReason(ended, what)).toBe("past");
    }
  });
});
