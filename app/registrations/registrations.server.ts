/**
 * Registrations: who comes to a meeting. Owns the sign-up rules (seats counted in people, the
 * waitlist and its promotion order, when a registration may change), the personal links, and
 * queuing the mail each change causes. Citizens' and organisers' paths both go through here.
 */
import { immediate, type DB } from "../../db/connection";
import { change, type ServiceContext } from "../platform/service.server";
import { getMeetingById, type Meeting } from "../../db/meetings";
import * as outbox from "../../db/outbox";
import {
  addTokenHash,
  confirmedPeople,
  getRegistration,
  getRegistrationByEmail,
  getRegistrationByTokenHash,
  insertRegistration,
  isCheckInCodeTaken,
  listWaitlist,
  resetWaitlistPlace,
  setCheckedIn,
  setEmail,
  setStatus,
  updateDetails,
  waitlistPosition,
  type Needs,
  type Registration,
} from "../../db/registrations";
import type { Organiser } from "../../db/organisers";
import type { RegistrationEmailKind, RegistrationEmailProps } from "../../emails/registration-email";
import { audit } from "../auth/audit.server";
import { meetingCalendar, parseMailbox, type CalendarMethod } from "../meetings/calendar.server";
import { formatMeetingTime } from "../platform/dates";
import { hashToken, isTokenShaped, newCheckInCode, newManageToken } from "../platform/tokens.server";

export type { ServiceContext } from "../platform/service.server";

export type { Registration };

export type RegistrationErrorCode = "closed" | "noRoom" | "duplicateEmail" | "notWaitlisted";

export class RegistrationError extends Error {
  constructor(
    readonly code: RegistrationErrorCode,
    /** For noRoom: how many people the registration can hold right now. */
    readonly available = 0,
  ) {
    super(code);
  }
}

export interface CitizenRegistrationInput {
  name: string;
  email: string;
  partySize: number;
  needs: Needs;
}

export type RegisterOutcome =
  | { kind: "confirmed" | "waitlisted"; registration: Registration; token: string }
  | { kind: "updated"; registration: Registration };

export const meetingUrl = (ctx: ServiceContext, meeting: Pick<Meeting, "slug">) =>
  `${ctx.publicUrl}/meetings/${encodeURIComponent(meeting.slug)}`;
export const manageUrl = (ctx: ServiceContext, token: string) => `${ctx.publicUrl}/r/${token}`;
/** What the QR code on a confirmation opens: the organisers' check-in page for this code. */
export const checkInUrl = (ctx: Pick<ServiceContext, "publicUrl">, meetingId: number, code: string) =>
  `${ctx.publicUrl}/admin/meetings/${meetingId}/checkin?code=${encodeURIComponent(code)}`;

/** Why a meeting takes no registrations right now, or null when it does. */
export function registrationClosedReason(
  meeting: Meeting,
  now = new Date(),
): "cancelled" | "draft" | "past" | "notOpenYet" | "closed" | null {
  const iso = now.toISOString();
  if (meeting.status === "cancelled") return "cancelled";
  if (meeting.status !== "published") return "draft";
  if (meeting.endsAt <= iso) return "past";
  if (meeting.registrationOpensAt && meeting.registrationOpensAt > iso) return "notOpenYet";
  if (meeting.registrationClosesAt && meeting.registrationClosesAt <= iso) return "closed";
  return null;
}

/**
 * Seats still free, counted in people. The one place this is computed: pages, organisers'
 * views and the rules below all ask here. `ignoring` leaves one confirmed registration's own
 * seats out, for "can this party grow?".
 */
export function seatsLeft(db: DB, meeting: Meeting, { ignoring }: { ignoring?: Registration } = {}): number {
  const own = ignoring?.status === "confirmed" ? ignoring.partySize : 0;
  return Math.max(0, meeting.capacity - (confirmedPeople(db, meeting.id) - own));
}


/**
 * A citizen's RSVP. The same email again for the same meeting updates that registration; its
 * new manage link then goes only to that mailbox, so typing someone else's address never
 * reveals their registration.
 */
export function register(
  ctx: ServiceContext,
  meetingId: number,
  input: CitizenRegistrationInput,
): RegisterOutcome {
  return change(ctx, (): RegisterOutcome => {
    const meeting = requireOpenMeeting(ctx.db, meetingId);
    const existing = getRegistrationByEmail(ctx.db, meeting.id, input.email);
    if (existing) {
      applyChange(ctx, meeting, existing, input, { rejoin: existing.status === "cancelled" });
      return { kind: "updated", registration: getRegistration(ctx.db, existing.id)! };
    }
    const status = input.partySize <= seatsLeft(ctx.db, meeting) ? "confirmed" : "waitlisted";
    const id = insertRegistration(
      ctx.db,
      meeting.id,
      { ...input, email: input.email },
      status,
      uniqueCheckInCode(ctx.db),
    );
    const token = issueToken(ctx.db, id);
    const registration = getRegistration(ctx.db, id)!;
    queueRegistrationEmail(ctx, meeting, registration, status, token);
    return { kind: status, registration, token };
  });
}

export function findByToken(db: DB, token: string): Registration | undefined {
  if (!isTokenShaped(token)) return undefined;
  return getRegistrationByTokenHash(db, hashToken(token));
}

/** Changes party size or needs through the personal link. */
export function changeRegistration(
  ctx: ServiceContext,
  registrationId: number,
  details: { partySize: number; needs: Needs },
): Registration {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status === "cancelled") throw new RegistrationError("closed");
    const meeting = requireOpenMeeting(ctx.db, current.meetingId);
    applyChange(ctx, meeting, current, { ...details, name: current.name, email: current.email! });
    return getRegistration(ctx.db, registrationId)!;
  });
}

export function cancelRegistration(ctx: ServiceContext, registrationId: number): Registration {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current) throw new RegistrationError("closed");
    if (current.status === "cancelled") return current;
    const meeting = getMeetingById(ctx.db, current.meetingId)!;
    setStatus(ctx.db, current.id, "cancelled");
    const cancelled = getRegistration(ctx.db, current.id)!;
    if (cancelled.email) {
      queueRegistrationEmail(ctx, meeting, cancelled, "cancelled", issueToken(ctx.db, current.id), {
        wasConfirmed: current.status === "confirmed",
      });
    }
    promoteWaitlisted(ctx, meeting);
    return cancelled;
  });
}

/**
 * Fills free seats from the waitlist, in the order people joined it. A party too large for
 * the seats left is passed over for now, not skipped for good: it moves up when room appears.
 * Runs inside the caller's transaction.
 */
export function promoteWaitlisted(ctx: ServiceContext, meeting: Meeting): Registration[] {
  if (meeting.status !== "published") return [];
  let free = seatsLeft(ctx.db, meeting);
  const promoted: Registration[] = [];
  for (const waiting of listWaitlist(ctx.db, meeting.id)) {
    if (free <= 0) break;
    if (waiting.partySize > free) continue;
    setStatus(ctx.db, waiting.id, "confirmed");
    free -= waiting.partySize;
    const registration = getRegistration(ctx.db, waiting.id)!;
    if (registration.email) {
      queueRegistrationEmail(ctx, meeting, registration, "promoted", issueToken(ctx.db, waiting.id));
    }
    promoted.push(registration);
  }
  return promoted;
}

export function positionOnWaitlist(db: DB, registration: Registration): number | null {
  return waitlistPosition(db, registration);
}

// --- Organisers ------------------------------------------------------------------------------

export interface OrganiserRegistrationInput {
  name: string;
  email: string | null;
  phone: string | null;
  partySize: number;
  needs: Needs;
  note: string;
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
    const meeting = getMeetingById(ctx.db, meetingId);
    if (!meeting || meeting.status === "cancelled") throw new RegistrationError("closed");
    if (input.email && getRegistrationByEmail(ctx.db, meetingId, input.email)) {
      throw new RegistrationError("duplicateEmail");
    }
    const status = input.partySize <= seatsLeft(ctx.db, meeting) ? "confirmed" : "waitlisted";
    const id = insertRegistration(
      ctx.db,
      meetingId,
      { ...input, source: "organiser" },
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
      details: { registrationId: id, status, partySize: input.partySize },
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
    applyChange(ctx, meeting, { ...current, email: input.email }, {
      ...input,
      email: input.email ?? "",
    });
    audit(ctx.db, organiser, "registration.edit", {
      meetingId: meeting.id,
      target: input.name,
      details: { registrationId, partySize: input.partySize },
    });
    return getRegistration(ctx.db, registrationId)!;
  });
}

export function cancelByOrganiser(ctx: ServiceContext, organiser: Organiser, registrationId: number) {
  const cancelled = cancelRegistration(ctx, registrationId);
  audit(ctx.db, organiser, "registration.cancel", {
    meetingId: cancelled.meetingId,
    target: cancelled.name,
    details: { registrationId },
  });
  return cancelled;
}

/** Moves one waitlisted registration up by hand, if its party fits in the free seats. */
export function promoteByOrganiser(ctx: ServiceContext, organiser: Organiser, registrationId: number) {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status !== "waitlisted") throw new RegistrationError("notWaitlisted");
    const meeting = getMeetingById(ctx.db, current.meetingId)!;
    const free = seatsLeft(ctx.db, meeting);
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
export function resendConfirmation(ctx: ServiceContext, organiser: Organiser, registrationId: number): boolean {
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

export function checkIn(ctx: ServiceContext, organiser: Organiser, registrationId: number, arrived: boolean) {
  return immediate(ctx.db, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status === "cancelled") throw new RegistrationError("closed");
    setCheckedIn(ctx.db, current.id, arrived ? new Date().toISOString() : null);
    audit(ctx.db, organiser, arrived ? "checkin.arrived" : "checkin.undo", {
      meetingId: current.meetingId,
      target: current.name,
      details: { registrationId },
    });
    return getRegistration(ctx.db, registrationId)!;
  });
}

// ---------------------------------------------------------------------------------------------

function requireOpenMeeting(db: DB, meetingId: number): Meeting {
  const meeting = getMeetingById(db, meetingId);
  if (!meeting || registrationClosedReason(meeting)) throw new RegistrationError("closed");
  return meeting;
}

/**
 * Applies new details to an existing registration. A confirmed party that grows keeps its
 * seats only if the extra people fit; otherwise nothing changes and the caller is told how
 * many fit. A cancelled registration that comes back is treated like a new one.
 */
function applyChange(
  ctx: ServiceContext,
  meeting: Meeting,
  current: Registration,
  input: CitizenRegistrationInput,
  { rejoin = false } = {},
) {
  const db = ctx.db;
  if (rejoin) {
    updateDetails(db, current.id, input);
    resetWaitlistPlace(db, current.id);
    const status = input.partySize <= seatsLeft(db, meeting) ? "confirmed" : "waitlisted";
    setStatus(db, current.id, status);
  } else {
    if (current.status === "confirmed" && input.partySize > current.partySize) {
      const available = seatsLeft(db, meeting, { ignoring: current });
      if (input.partySize > available) throw new RegistrationError("noRoom", available);
    }
    updateDetails(db, current.id, input);
    // A smaller party frees seats; the person itself may now fit if waitlisted.
    promoteWaitlisted(ctx, meeting);
  }
  const updated = getRegistration(db, current.id)!;
  // Promotion sends its own email; only tell about the change when that did not happen.
  if (rejoin || !(current.status === "waitlisted" && updated.status === "confirmed")) {
    const kind: RegistrationEmailKind = rejoin ? (updated.status as "confirmed" | "waitlisted") : "updated";
    queueRegistrationEmail(ctx, meeting, updated, kind, issueToken(db, current.id));
  }
}

function issueToken(db: DB, registrationId: number): string {
  const token = newManageToken();
  addTokenHash(db, registrationId, hashToken(token));
  return token;
}

function uniqueCheckInCode(db: DB): string {
  for (;;) {
    const code = newCheckInCode();
    if (!isCheckInCodeTaken(db, code)) return code;
  }
}

function queueRegistrationEmail(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Registration,
  kind: RegistrationEmailKind,
  token: string,
  { wasConfirmed = false } = {},
) {
  if (!registration.email) return;
  const url = meetingUrl(ctx, meeting);
  const status = registration.status;
  const payload: RegistrationEmailProps = {
    kind,
    name: registration.name,
    partySize: registration.partySize,
    status,
    waitlistPosition: waitlistPosition(ctx.db, registration),
    manageUrl: manageUrl(ctx, token),
    meeting: {
      title: meeting.title,
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
      venueName: meeting.venueName,
      address: meeting.address,
      mapUrl: meeting.mapUrl,
      accessibility: meeting.accessibility,
      url,
      contact: contactLine(meeting),
    },
    checkIn:
      status === "confirmed"
        ? { code: registration.checkInCode, url: checkInUrl(ctx, meeting.id, registration.checkInCode) }
        : null,
  };
  // Only a held seat goes into the calendar; a cancelled seat is taken out of it again.
  let method: CalendarMethod | null = null;
  if (status === "confirmed") method = "REQUEST";
  else if (status === "cancelled" && wasConfirmed) method = "CANCEL";
  const organizer = parseMailbox(ctx.mailFrom);
  const ical = method
    ? meetingCalendar(meeting, {
        method,
        meetingUrl: url,
        uidDomain: new URL(ctx.publicUrl).hostname,
        organizer,
        attendee: { name: registration.name, email: registration.email, partySize: registration.partySize },
        cancelled: method === "CANCEL",
      })
    : null;
  outbox.enqueue(ctx.db, {
    toAddress: registration.email,
    toName: registration.name,
    template: "registration",
    payload,
    icalMethod: method,
    ical,
  });
}

export function contactLine(meeting: Meeting): string | null {
  const parts = [meeting.contactName, meeting.contactPhone, meeting.contactEmail].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

