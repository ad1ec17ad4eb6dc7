/**
 * The recording of a meeting (ADR 0016): the organiser adds its address once the meeting has
 * started; the public page shows it once the meeting is over, and the scheduler mails it once
 * to everyone still signed up (app/reminders/attendee-mails.server.ts). Correcting the address
 * later changes the page, not what was mailed.
 */
import { getMeetingById, setRecordingUrl, type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { audit } from "../platform/audit.server";
import { Refusal } from "../platform/refusal.server";
import { change, type ServiceContext } from "../platform/service.server";
import { meetingPhase } from "./phase";

/** Whether a recording can be added now: not before the meeting has begun, not if called off. */
export function mayAddRecording(meeting: Meeting, now = new Date()): boolean {
  const phase = meetingPhase(meeting, now);
  return phase === "running" || phase === "ended";
}

export function saveRecording(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  url: string | null,
) {
  change(ctx, () => {
    const meeting = getMeetingById(ctx.db, meetingId)!;
    if (!mayAddRecording(meeting)) {
      throw new Refusal("error.recording.notYet", { field: "recordingUrl" });
    }
    setRecordingUrl(ctx.db, meetingId, url);
    audit(ctx.db, organiser, "meeting.recording", {
      meetingId,
      target: meeting.title,
      details: { url },
    });
  });
}
