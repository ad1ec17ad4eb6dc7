import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getMeetingById, listMeetingChanges } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { getRegistration } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { changeMeetingStatus } from "../meetings/editor.server";
import { Refusal } from "../platform/refusal.server";
import { type ServiceContext } from "../registrations/registrations.server";
import { checkIn } from "../registrations/check-in.server";
import { addByOrganiser, cancelByOrganiser } from "../registrations/organiser-changes.server";
import { runRetention } from "../registrations/retention.server";
import { signUp } from "../registrations/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { markCalled, noticeCalls } from "./notice-calls.server";
import { noticePreview, sendChangeNotice } from "./notices.server";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv();
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
});
afterEach(() => env.cleanup());

const phoneIn = (meetingId: number, name: string, phone: string | null, partySize = 1) =>
  addByOrganiser(ctx, organiser, meetingId, {
    name,
    email: null,
    phone,
    partySize,
    needs: noNeeds,
    note: "",
  });

const meeting = (id: number) => getMeetingById(env.db, id)!;
const calls = (id: number) => noticeCalls(env.db, meeting(id));
const latestChange = (id: number) => listMeetingChanges(env.db, id)[0]!.id;

/** A meeting with a citizen who has email, two phone-ins (one with no number) and one gone. */
function meetingWithPhoneIns() {
  const id = createTestMeeting(env.db, { capacity: 10 });
  signUp(ctx, id, { name: "Kari Epost", email: "kari@example.no", partySize: 1, needs: noNeeds });
  const per = phoneIn(id, "Per Telefon", "72 41 00 00", 2);
  const nils = phoneIn(id, "Nils Nummerløs", null);
  const gone = phoneIn(id, "Gunn Gått", "900 00 000");
  cancelByOrganiser(ctx, organiser, gone.id);
  return { id, per, nils };
}

describe("who must be phoned about a change", () => {
  it("nobody before anything has changed", () => {
    const { id } = meetingWithPhoneIns();
    expect(calls(id)).toEqual([]);
  });

  it("lists attendees without email, with their numbers, and says who has neither", async () => {
    const { id, per, nils } = meetingWithPhoneIns();
    changeMeetingStatus(ctx, organiser, id, "cancel");
    const cancelled = latestChange(id);
    expect(calls(id)).toEqual([
      {
        registrationId: per.id,
        name: "Per Telefon",
        phone: "72 41 00 00",
        partySize: 2,
        status: "confirmed",
        changeId: cancelled,
        calledAt: null,
      },
      {
        registrationId: nils.id,
        name: "Nils Nummerløs",
        phone: null,
        partySize: 1,
        status: "confirmed",
        changeId: cancelled,
        calledAt: null,
      },
    ]);
    // The mail goes to the one with an address; the others are on the phone list.
    expect((await noticePreview(ctx, meeting(id))).recipients.total).toBe(1);
  });

  it("marks a call (audited), keeps it when the mail goes out, and asks again after a new change", () => {
    const { id, per } = meetingWithPhoneIns();
    changeMeetingStatus(ctx, organiser, id, "cancel");
    const cancelled = latestChange(id);
    markCalled(env.db, organiser, meeting(id), {
      registrationId: per.id,
      changeId: cancelled,
      called: true,
    });
    const marked = calls(id).find((c) => c.registrationId === per.id)!;
    expect(marked.calledAt).not.toBeNull();
    expect(listAudit(env.db, { limit: 1, meetingId: id })[0]).toMatchObject({
      action: "notice.called",
      target: "Per Telefon",
      details: { registrationId: per.id, changeId: cancelled },
    });

    sendChangeNotice(ctx, organiser, id, { upToId: cancelled, message: null });
    expect(calls(id).find((c) => c.registrationId === per.id)!.calledAt).toBe(marked.calledAt);

    // Restored: Per heard "cancelled" on the phone and must now hear it is on again.
    changeMeetingStatus(ctx, organiser, id, "restore");
    expect(calls(id).find((c) => c.registrationId === per.id)).toMatchObject({
      changeId: latestChange(id),
      calledAt: null,
    });
  });

  it("takes a mark back", () => {
    const { id, per } = meetingWithPhoneIns();
    changeMeetingStatus(ctx, organiser, id, "cancel");
    const changeId = latestChange(id);
    const mark = (called: boolean) =>
      markCalled(env.db, organiser, meeting(id), { registrationId: per.id, changeId, called });
    mark(true);
    expect(mark(false)).toMatchObject({ calledAboutChange: null, calledAt: null });
    expect(calls(id).find((c) => c.registrationId === per.id)!.calledAt).toBeNull();
    expect(listAudit(env.db, { limit: 1, meetingId: id })[0]!.action).toBe("notice.callUndone");
  });

  it("refuses a stale page, someone without a number, and someone not on the list", () => {
    const { id, per, nils } = meetingWithPhoneIns();
    changeMeetingStatus(ctx, organiser, id, "cancel");
    const cancelled = latestChange(id);
    changeMeetingStatus(ctx, organiser, id, "restore");
    const restored = latestChange(id);
    const attempt = (registrationId: number, changeId: number) => () =>
      markCalled(env.db, organiser, meeting(id), { registrationId, changeId, called: true });
    // Cancelled and restored before anyone was told: nothing to phone about.
    expect(calls(id)).toEqual([]);
    expect(attempt(per.id, restored)).toThrow(Refusal);

    changeMeetingStatus(ctx, organiser, id, "cancel");
    const again = latestChange(id);
    expect(attempt(per.id, cancelled)).toThrow(Refusal);
    expect(attempt(nils.id, again)).toThrow(Refusal);
    expect(getRegistration(env.db, nils.id)!.calledAboutChange).toBeNull();
    expect(attempt(per.id, again)).not.toThrow();
  });

  it("leaves out whoever signed up after the changes, and everyone once the meeting is over", () => {
    const id = createTestMeeting(env.db);
    changeMeetingStatus(ctx, organiser, id, "cancel");
    changeMeetingStatus(ctx, organiser, id, "restore");
    sendChangeNotice(ctx, organiser, id, { upToId: latestChange(id), message: null });
    // Clearly before she signs up, not within the same millisecond.
    env.db.prepare("UPDATE meeting_changes SET at = '2026-01-01T10:00:00.000Z'").run();
    const late = phoneIn(id, "Lise Sen", "72 41 11 11");
    expect(calls(id)).toEqual([]);

    changeMeetingStatus(ctx, organiser, id, "cancel");
    expect(calls(id).map((c) => c.registrationId)).toEqual([late.id]);
    env.db
      .prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?")
      .run(new Date(Date.now() - 3 * 3600_000).toISOString(), new Date().toISOString(), id);
    expect(calls(id)).toEqual([]);
  });

  it("has its marks erased with the rest of the attendee's personal data", () => {
    const { id, per } = meetingWithPhoneIns();
    checkIn(ctx, organiser, per.id, 1);
    changeMeetingStatus(ctx, organiser, id, "cancel");
    markCalled(env.db, organiser, meeting(id), {
      registrationId: per.id,
      changeId: latestChange(id),
      called: true,
    });
    const ended = Date.now() - 100 * 24 * 3600_000;
    env.db
      .prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?")
      .run(new Date(ended - 7200_000).toISOString(), new Date(ended).toISOString(), id);
    runRetention(env.db, {
      retentionDays: 90,
      updatesRetentionDays: 365,
      outboxDir: `${env.dir}/outbox`,
    });
    expect(getRegistration(env.db, per.id)).toMatchObject({
      name: "",
      phone: null,
      calledAboutChange: null,
      calledAt: null,
      // How many came is a count, and counts stay.
      checkedInPeople: 1,
    });
  });
});
