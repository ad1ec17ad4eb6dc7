/**
 * The mail online attendance adds to the schedule (ADR 0016), sent by the reminders'
 * scheduler on each of its runs:
 * - the stream link, once per online attendee and start time, from the link's reveal time
 *   (stream.server.ts) until the meeting ends; a mail that already gave the link out (a
 *   confirmation, reminder or move after the reveal) counts as it;
 * - the recording, once to everyone still signed up (either way, seated or waiting), once the
 *   meeting is over and the organiser has added it.
 * Each is claimed (attendee_mail_claims) in the transaction that queues it, so it goes out
 * exactly once across runs, restarts and racing processes; a queued stream mail whose meeting
 * moved or was called off, or whose attendee left or moved to the hall, is withheld.
 */
import {
  attachClaimOutbox,
  claimAttendeeMail,
  dueRecordingMails,
  streamMailCandidates,
  queuedStreamMail,
  type ClaimKind,
} from "../../db/attendee-mail-claims";
import type { DB } from "../../db/connection";
import { getMeetingById, type Meeting } from "../../db/meetings";
import { getRegistration } from "../../db/registrations";
import { bumpRegistration } from "../../db/calendar-sequences";
import { queueMeetingMail } from "../registrations/attendee-mail.server";
import { issueToken } from "../registrations/registrations.server";
import { MAX_STREAM_REVEAL_MINUTES } from "../meetings/forms";
import { streamAccess } from "../registrations/stream.server";
import { change, type ServiceContext } from "../platform/service.server";
import { serverTurns } from "../platform/turns.server";

/** As for reminders: a fan-out never holds the write lock or the event loop for long. */
const BATCH = 25;

type Due = { registrationId: number; meetingId: number };

function queueBatch(ctx: ServiceContext, kind: ClaimKind, due: Due[]): number {
  return change(ctx, () => {
    const meetings = new Map<number, Meeting>();
    let queued = 0;
    for (const { registrationId, meetingId } of due) {
      let meeting = meetings.get(meetingId);
      if (!meeting) {
        meeting = getMeetingById(ctx.db, meetingId)!;
        meetings.set(meetingId, meeting);
      }
      const registration = getRegistration(ctx.db, registrationId)!;
      const key = kind === "stream" ? meeting.startsAt : "";
      if (!claimAttendeeMail(ctx.db, registrationId, kind, key)) continue;
      // The calendar copy now carries the link: it must outrank the one sent before.
      if (kind === "stream") bumpRegistration(ctx.db, registrationId);
      const outboxId = queueMeetingMail(ctx, meeting, registration, {
        kind,
        // The stream mail carries the calendar copy with the link in it.
        method: kind === "stream" ? "REQUEST" : null,
        manageToken: issueToken(ctx.db, registration.id),
        purpose: kind === "stream" ? "reminder" : "notice",
        recordingUrl: kind === "recording" ? meeting.recordingUrl : null,
      });
      attachClaimOutbox(ctx.db, registrationId, kind, key, outboxId);
      queued++;
    }
    return queued;
  });
}

/**
 * The candidates whose meeting has its link out now: the stream rule's answer for a confirmed
 * online attendee (which every candidate is), asked once per meeting.
 */
function linkOut(ctx: ServiceContext, candidates: Due[], now: Date): Due[] {
  const open = new Map<number, boolean>();
  return candidates.filter(({ meetingId }) => {
    let out = open.get(meetingId);
    if (out === undefined) {
      const meeting = getMeetingById(ctx.db, meetingId)!;
      const access = streamAccess(
        ctx.db,
        meeting,
        { attendance: "online", status: "confirmed" },
        now,
      );
      out = access?.state === "open";
      open.set(meetingId, out);
    }
    return out;
  });
}

/**
 * Claims and queues every stream and recording mail due now, a batch at a time, letting
 * waiting requests go first between batches. Returns how many were queued.
 */
export async function queueDueAttendeeMails(
  ctx: ServiceContext,
  now = new Date(),
  stopped: () => boolean = () => false,
): Promise<number> {
  const iso = now.toISOString();
  // No meeting reveals its link earlier than this before the start (the column's CHECK).
  const horizon = new Date(now.getTime() + MAX_STREAM_REVEAL_MINUTES * 60_000).toISOString();
  let queued = 0;
  for (const [kind, due] of [
    ["stream", linkOut(ctx, streamMailCandidates(ctx.db, iso, horizon), now)],
    ["recording", dueRecordingMails(ctx.db, iso)],
  ] as const) {
    for (let i = 0; i < due.length; i += BATCH) {
      if (queued > 0) await serverTurns.background();
      if (stopped()) return queued;
      queued += queueBatch(ctx, kind, due.slice(i, i + BATCH));
    }
  }
  return queued;
}

/** Why a queued stream mail must not go out any more, or null (the mail worker's check). */
export function staleStreamMailReason(db: DB, outboxId: number): string | null {
  const row = queuedStreamMail(db, outboxId);
  if (!row) return null;
  if (row.meetingStatus !== "published") return "meeting not published any more";
  if (row.registrationStatus !== "confirmed") return "registration not holding a place";
  if (row.attendance !== "online") return "attendee moved to the hall";
  if (row.writtenFor !== row.startsAt) return "meeting moved";
  return null;
}
