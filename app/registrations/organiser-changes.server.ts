/**
 * Organisers' changes to registrations: adding someone who phoned or walked in, editing,
 * cancelling one or a burst of sign-ups, promoting from the waitlist by hand, sending the mail
 * again. Each is audited and goes through the same seat, waitlist and change rules as the
 * citizens' paths (registrations.server.ts).
 */
import type { Organiser } from "../../db/organisers";
import {
  getRegistration,
  getRegistrationByEmail,
  insertRegistration,
  setEmail,
  setStatus,
  type Attendance,
  type Needs,
  type Registration,
} from "../../db/registrations";
import { getMeetingById } from "../../db/meetings";
import { audit } from "../platform/audit.server";
import { idField, idList } from "../platform/intent.server";
import { change, type ServiceContext } from "../platform/service.server";
import { z } from "../platform/zod";
import { queueRegistrationEmail } from "./registration-mail.server";
import {
  applyChange,
  cancelInside,
  cancelRegistration,
  issueToken,
  promoteWaitlisted,
  RegistrationError,
  requireChangeAllowed,
  attendanceFor,
  placesLeft,
  seatOrWaitlist,
  uniqueCheckInCode,
} from "./registrations.server";

export interface OrganiserRegistrationInput {
  name: string;
  email: string | null;
  phone: string | null;
  partySize: number;
  needs: Needs;
  note: string;
  /** In the hall or online, where the meeting offers both. */
  attendance?: Attendance;
}

/**
 * A registration an organiser makes for someone who phoned or walked in. The same seat and
 * waitlist rules apply; it works after citizens' registration has closed (at the door), and
 * mail goes out only when an email address was given.
 */
export function addByOrganiser(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  input: OrganiserRegistrationInput,
): Registration {
  return change(ctx, () => {
    const meeting = requireChangeAllowed(ctx.db, meetingId, "organiserAdd");
    if (input.email && getRegistrationByEmail(ctx.db, meetingId, input.email)) {
      throw new RegistrationError("duplicateEmail");
    }
    const attendance = attendanceFor(meeting, input.attendance);
    const status = seatOrWaitlist(ctx.db, meeting, input.partySize, attendance);
    const id = insertRegistration(
      ctx.db,
      meetingId,
      { ...input, attendance, source: "organiser" },
      status,
      uniqueCheckInCode(ctx.db),
    );
    const registration = getRegistration(ctx.db, id)!;
    if (registration.email) {
      queueRegistrationEmail(ctx, meeting, registration, status, issueToken(ctx.db, id));
    }
    audit(ctx.db, organiser, "registration.add", {
      meetingId,
      target: input.name,
      details: { registrationId: id, status, partySize: input.partySize, attendance },
    });
    return registration;
  });
}

export function editByOrganiser(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
  input: OrganiserRegistrationInput,
): Registration {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status === "cancelled") throw new RegistrationError("closed");
    const meeting = getMeetingById(ctx.db, current.meetingId)!;
    if (input.email && input.email.toLowerCase() !== current.email?.toLowerCase()) {
      const other = getRegistrationByEmail(ctx.db, meeting.id, input.email);
      if (other && other.id !== current.id) throw new RegistrationError("duplicateEmail");
    }
    setEmail(ctx.db, current.id, input.email);
    applyChange(
      ctx,
      meeting,
      { ...current, email: input.email },
      {
        ...input,
        email: input.email ?? "",
      },
    );
    audit(ctx.db, organiser, "registration.edit", {
      meetingId: meeting.id,
      target: input.name,
      details: { registrationId, partySize: input.partySize, attendance: input.attendance },
    });
    return getRegistration(ctx.db, registrationId)!;
  });
}

export function cancelByOrganiser(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
) {
  return change(ctx, () => {
    const cancelled = cancelRegistration(ctx, registrationId, "organiser");
    audit(ctx.db, organiser, "registration.cancel", {
      meetingId: cancelled.meetingId,
      target: cancelled.name,
      details: { registrationId },
    });
    return cancelled;
  });
}

/**
 * Cancels a burst of sign-ups together (see bursts() in attendees.server.ts): all of them or,
 * if one is not this meeting's live registration, none. Seats freed fill from the waitlist once.
 */
export function cancelManyByOrganiser(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  registrationIds: number[],
): Registration[] {
  return change(ctx, () => {
    const meeting = getMeetingById(ctx.db, meetingId)!;
    const ids = [...new Set(registrationIds)];
    const current = ids.map((id) => getRegistration(ctx.db, id));
    if (
      ids.length === 0 ||
      current.some((r) => !r || r.meetingId !== meetingId || r.status === "cancelled")
    ) {
      throw new RegistrationError("closed");
    }
    const cancelled = current.map((r) => cancelInside(ctx, meeting, r!, "organiser"));
    promoteWaitlisted(ctx, meeting);
    audit(ctx.db, organiser, "registration.cancelMany", {
      meetingId,
      target: cancelled
        .map((r) => r.name)
        .join(", ")
        .slice(0, 500),
      details: { registrationIds: ids, people: cancelled.reduce((n, r) => n + r.partySize, 0) },
    });
    return cancelled;
  });
}

/** Moves one waitlisted registration up by hand, if its party fits in the free seats. */
export function promoteByOrganiser(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
) {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status !== "waitlisted") throw new RegistrationError("notWaitlisted");
    const meeting = requireChangeAllowed(ctx.db, current.meetingId, "promote");
    const free = placesLeft(ctx.db, meeting, current.attendance);
    if (current.partySize > free) throw new RegistrationError("noRoom", Math.max(0, free));
    setStatus(ctx.db, current.id, "confirmed");
    const promoted = getRegistration(ctx.db, current.id)!;
    if (promoted.email) {
      queueRegistrationEmail(ctx, meeting, promoted, "promoted", issueToken(ctx.db, current.id));
    }
    audit(ctx.db, organiser, "registration.promote", {
      meetingId: meeting.id,
      target: promoted.name,
      details: { registrationId },
    });
    return promoted;
  });
}

/** Sends the email for the registration's current state again, with a fresh personal link. */
export function resendConfirmation(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
): boolean {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current?.email) return false;
    const meeting = getMeetingById(ctx.db, current.meetingId)!;
    queueRegistrationEmail(ctx, meeting, current, current.status, issueToken(ctx.db, current.id), {
      wasConfirmed: false,
    });
    audit(ctx.db, organiser, "registration.resend", {
      meetingId: meeting.id,
      target: current.name,
      details: { registrationId },
    });
    return true;
  });
}

/** The attendee list's row and burst buttons (readIntent in app/platform/intent.server.ts). */
export const attendeeIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancelMany"), registrationId: idList }),
  z.object({
    intent: z.enum(["cancel", "promote", "resend"]),
    registrationId: idField,
  }),
]);
