import { describe, expect, it } from "vitest";
import type { Meeting } from "../../db/meetings";
import { osloToUtc } from "../platform/dates";
import { questionsClosedReason } from "../questions/questions.server";
import { changeClosedReason } from "../registrations/registrations.server";
import { inHallWindow } from "./crowd.server";
import { meetingPhase, meetingPhases, type MeetingPhase } from "./phase";

type Timing = Pick<Meeting, "status" | "startsAt" | "endsAt">;

const oslo = (date: string, time: string) => new Date(osloToUtc(date, time));
/** Published, Oslo wall times; the end may fall on the next day. */
const meeting = (
  date: string,
  start: string,
  end: string,
  endDate = date,
  status: Meeting["status"] = "published",
): Timing => ({ status, startsAt: osloToUtc(date, start), endsAt: osloToUtc(endDate, end) });

describe("meetingPhase", () => {
  const evening = meeting("2026-12-10", "18:30", "20:30");

  it("is upcoming before the start, running from the start, ended from the end", () => {
    expect(meetingPhase(evening, oslo("2026-12-10", "18:29"))).toBe("upcoming");
    expect(meetingPhase(evening, oslo("2026-12-10", "18:30"))).toBe("running");
    expect(meetingPhase(evening, oslo("2026-12-10", "20:29"))).toBe("running");
    expect(meetingPhase(evening, oslo("2026-12-10", "20:30"))).toBe("ended");
    expect(meetingPhase(evening, oslo("2027-03-01", "12:00"))).toBe("ended");
  });

  it("reads Oslo time, not the server's: 18.30 in December is 17.30 UTC", () => {
    expect(meetingPhase(evening, new Date("2026-12-10T17:29:59.999Z"))).toBe("upcoming");
    expect(meetingPhase(evening, new Date("2026-12-10T17:30:00.000Z"))).toBe("running");
    // In summer Oslo is two hours ahead of UTC.
    const june = meeting("2027-06-10", "19:00", "21:00");
    expect(meetingPhase(june, new Date("2027-06-10T16:59:00.000Z"))).toBe("upcoming");
    expect(meetingPhase(june, new Date("2027-06-10T17:00:00.000Z"))).toBe("running");
    expect(meetingPhase(june, new Date("2027-06-10T19:00:00.000Z"))).toBe("ended");
  });

  it("keeps a meeting running across midnight, and across the new year", () => {
    const late = meeting("2026-12-31", "22:00", "01:00", "2027-01-01");
    expect(meetingPhase(late, oslo("2026-12-31", "21:59"))).toBe("upcoming");
    expect(meetingPhase(late, oslo("2026-12-31", "23:59"))).toBe("running");
    expect(meetingPhase(late, oslo("2027-01-01", "00:00"))).toBe("running");
    expect(meetingPhase(late, oslo("2027-01-01", "00:59"))).toBe("running");
    expect(meetingPhase(late, oslo("2027-01-01", "01:00"))).toBe("ended");
  });

  it("counts the night the clocks go back as the three hours it lasts", () => {
    // 31 October 2027: 03.00 summer time becomes 02.00 winter time.
    const night = meeting("2027-10-30", "23:00", "04:00", "2027-10-31");
    expect(Date.parse(night.endsAt) - Date.parse(night.startsAt)).toBe(6 * 3600_000);
    expect(meetingPhase(night, new Date("2027-10-31T00:30:00.000Z"))).toBe("running"); // 02.30 CEST
    expect(meetingPhase(night, new Date("2027-10-31T01:30:00.000Z"))).toBe("running"); // 02.30 CET
    expect(meetingPhase(night, oslo("2027-10-31", "04:00"))).toBe("ended");
  });

  it("says cancelled and draft whatever the clock says", () => {
    for (const at of [
      oslo("2026-12-01", "12:00"),
      oslo("2026-12-10", "19:00"),
      oslo("2027-01-01", "12:00"),
    ]) {
      expect(meetingPhase({ ...evening, status: "cancelled" }, at)).toBe("cancelled");
      expect(meetingPhase({ ...evening, status: "draft" }, at)).toBe("draft");
    }
  });

  it("reads the clock when no time is given", () => {
    const hour = 3600_000;
    const around = (from: number, to: number): Timing => ({
      status: "published",
      startsAt: new Date(Date.now() + from * hour).toISOString(),
      endsAt: new Date(Date.now() + to * hour).toISOString(),
    });
    expect(meetingPhase(around(1, 3))).toBe("upcoming");
    expect(meetingPhase(around(-1, 1))).toBe("running");
    expect(meetingPhase(around(-3, -1))).toBe("ended");
  });
});

describe("the rules that derive from the phase", () => {
  const timing = meeting("2026-12-10", "18:30", "20:30");
  const at: Record<Exclude<MeetingPhase, "draft" | "cancelled">, Date> = {
    upcoming: oslo("2026-12-09", "12:00"),
    running: oslo("2026-12-10", "19:00"),
    ended: oslo("2026-12-10", "21:00"),
  };
  const full = (status: Meeting["status"]) =>
    ({
      ...timing,
      status,
      registrationOpensAt: null,
      registrationClosesAt: null,
    }) as Meeting;

  it("close questions exactly when the meeting is ended, cancelled or a draft", () => {
    for (const phase of meetingPhases) {
      const status = phase === "draft" || phase === "cancelled" ? phase : "published";
      const now = phase === "draft" || phase === "cancelled" ? at.running : at[phase];
      const m = full(status);
      expect(meetingPhase(m, now)).toBe(phase);
      const expected = {
        draft: "draft",
        upcoming: null,
        running: null,
        ended: "past",
        cancelled: "cancelled",
      }[phase];
      expect(questionsClosedReason(m, now)).toBe(expected);
    }
  });

  it("take sign-ups before and during the meeting, not after or when it is off", () => {
    expect(changeClosedReason(full("published"), "signUp", at.upcoming)).toBeNull();
    expect(changeClosedReason(full("published"), "signUp", at.running)).toBeNull();
    expect(changeClosedReason(full("published"), "signUp", at.ended)).toBe("past");
    expect(changeClosedReason(full("cancelled"), "signUp", at.upcoming)).toBe("cancelled");
    expect(changeClosedReason(full("cancelled"), "organiserAdd", at.running)).toBe("cancelled");
    expect(changeClosedReason(full("draft"), "signUp", at.upcoming)).toBe("draft");
    // A seat can be given back while the meeting is not before the public.
    expect(changeClosedReason(full("draft"), "citizenCancel", at.upcoming)).toBeNull();
    expect(changeClosedReason(full("published"), "citizenCancel", at.ended)).toBe("past");
  });

  it("open the hall an hour before a published meeting starts, until it ends", () => {
    expect(inHallWindow(timing, oslo("2026-12-10", "17:29"))).toBe(false);
    expect(inHallWindow(timing, oslo("2026-12-10", "17:30"))).toBe(true);
    expect(inHallWindow(timing, at.running)).toBe(true);
    expect(inHallWindow(timing, at.ended)).toBe(false);
    expect(inHallWindow({ ...timing, status: "cancelled" }, at.running)).toBe(false);
    expect(inHallWindow({ ...timing, status: "draft" }, at.running)).toBe(false);
  });
});
