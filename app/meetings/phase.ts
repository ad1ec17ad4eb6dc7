/**
 * Where a meeting is in its life: the one answer every page and rule derives from, so the
 * public page, the personal link, the question pages, the projector and the dashboard never
 * disagree about whether a meeting is on, over or off. The sign-up rule (changeClosedReason),
 * the question rule (questionsClosedReason) and the hall window (inHallWindow) ask here.
 *
 * Times are instants (UTC ISO strings, as stored), so the answer does not depend on the
 * server's time zone: a meeting from 22.00 to 01.00 Oslo time is running at midnight, and the
 * night the clocks change moves nothing. Loaders call it and send the phase as data; no
 * component reads the clock (ADR 0010: a page is a function of its loader data).
 */
import type { Meeting } from "../../db/meetings";

export const meetingPhases = ["draft", "upcoming", "running", "ended", "cancelled"] as const;
export type MeetingPhase = (typeof meetingPhases)[number];

/**
 * - cancelled: the organiser called it off (whenever it was to be);
 * - draft: not before the public (never published, or taken down again);
 * - upcoming: published, and its start is still ahead;
 * - running: published, started and not yet ended;
 * - ended: published, and its end has passed.
 */
export function meetingPhase(
  meeting: Pick<Meeting, "status" | "startsAt" | "endsAt">,
  now = new Date(),
): MeetingPhase {
  if (meeting.status === "cancelled") return "cancelled";
  if (meeting.status === "draft") return "draft";
  const t = now.getTime();
  // The end first: once it has passed, the meeting is over, whatever its start says.
  if (t >= Date.parse(meeting.endsAt)) return "ended";
  return t >= Date.parse(meeting.startsAt) ? "running" : "upcoming";
}

/** Whether people may still come: the personal page's check-in code and calendar links. */
export const isAhead = (phase: MeetingPhase) => phase === "upcoming" || phase === "running";
