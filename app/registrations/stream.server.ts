/**
 * Online attendance's one rule for the stream link (ADR 0016). The link is the organiser's to
 * share: it goes only to confirmed online attendees, and only from its reveal time (by default
 * 15 minutes before the start) until the meeting ends. The personal page, the mail and the
 * attendee's calendar copy all ask here; no public page, feed or loader has the link, since
 * Meeting does not carry it (db/meetings.ts, MeetingStream).
 */
import type { DB } from "../../db/connection";
import { getMeetingStream, type Meeting } from "../../db/meetings";
import type { Registration } from "../../db/registrations";
import { meetingPhase } from "../meetings/phase";

const MINUTE = 60_000;

/** From when online attendees get the stream link. */
export function streamRevealsAt(meeting: Pick<Meeting, "startsAt" | "streamRevealMinutes">) {
  return new Date(Date.parse(meeting.startsAt) - meeting.streamRevealMinutes * MINUTE);
}

/**
 * What one attendee gets of the stream now:
 * - null: nothing (in the hall, not holding a place, or the meeting is off or over);
 * - later: the link comes at `revealsAt`;
 * - pending: its time has come, but the organiser has not put in a link yet;
 * - open: the link and the phone dial-in (either may be empty, not both).
 */
export type StreamAccess =
  | { state: "later"; revealsAt: string }
  | { state: "pending" }
  | { state: "open"; url: string | null; dialIn: string };

export function streamAccess(
  db: DB,
  meeting: Meeting,
  registration: Pick<Registration, "attendance" | "status">,
  now = new Date(),
): StreamAccess | null {
  if (registration.attendance !== "online" || registration.status !== "confirmed") return null;
  const phase = meetingPhase(meeting, now);
  if (phase !== "upcoming" && phase !== "running") return null;
  const revealsAt = streamRevealsAt(meeting);
  if (now.getTime() < revealsAt.getTime()) {
    return { state: "later", revealsAt: revealsAt.toISOString() };
  }
  const { streamUrl, dialIn } = getMeetingStream(db, meeting.id);
  if (!streamUrl && !dialIn) return { state: "pending" };
  return { state: "open", url: streamUrl, dialIn };
}
