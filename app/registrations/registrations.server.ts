import { linkInLanguage } from "../platform/language.server";
/**
 * Registrations: who comes to a meeting. Owns the sign-up rules (seats counted in people, the
 * waitlist and its promotion order, when a registration may change), the personal links, and
 * queuing the mail each change causes. Citizens' and organisers' paths both go through here.
 */
import { href } from "react-router";
import { immediate, type DB } from "../../db/connection";
import { change, type ServiceContext } from "../platform/service.server";
import { Refusal, type RefusalOptions } from "../platform/refusal.server";
import { msg, type Language } from "../i18n";
import { getMeetingById, type Meeting } from "../../db/meetings";
import {
  addTokenHash,
  confirmedPeople,
  getRegistration,
  getRegistrationByEmail,
  getRegistrationByTokenHash,
  insertRegistration,
  isCheckInCodeTaken,
  listWaitlist,
  peopleFromBrowser,
  peopleFromClient,
  resetWaitlistPlace,
  setLinkMailedAt,
  setCheckedIn,
  setEmail,
  setStatus,
  updateDetails,
  waitlistPosition,
  type Needs,
  type Registration,
  type RegistrationSource,
} from "../../db/registrations";
import type { Organiser } from "../../db/organisers";
import type {
  RegistrationEmailKind,
  RegistrationEmailProps,
} from "../../emails/registration-email";
import { audit } from "../platform/audit.server";
import { addToCalendarLinks } from "../meetings/calendar.server";
import { bumpRegistration } from "../../db/calendar-sequences";
import { attendeeCalendarPart, meetingFacts, replyTo } from "./attendee-mail.server";
import { queueMail } from "../mail/queue.server";
import { absoluteUrl } from "../platform/paths";
import {
  hashToken,
  isTokenShaped,
  newCheckInCode,
  newManageToken,
} from "../platform/tokens.server";

export type { ServiceContext } from "../platform/service.server";

export type { Needs, Registration };

export type RegistrationErrorCode =
  | "closed"
  | "noRoom"
  | "duplicateEmail"
  | "notWaitlisted"
  | "clientLimit"
  | "browserLimit"
  | "notRejoinable";

/**
 * A registration rule said no. It is a Refusal worded for organisers (who see every code);
 * citizens' forms word some codes their own way (errors.server.ts).
 */
export class RegistrationError extends Refusal {
  constructor(
    readonly code: RegistrationErrorCode,
    /** For noRoom, clientLimit and browserLimit: how many people can still be added now. */
    readonly available = 0,
  ) {
    super(...organiserWording(code, available));
  }
}

function organiserWording(
  code: RegistrationErrorCode,
  available: number,
): [string, RefusalOptions] {
  switch (code) {
    case "noRoom":
      return [
        msg("error.registration.noRoom", { count: Math.max(0, available) }),
        { field: "partySize" },
      ];
    case "duplicateEmail":
      return ["error.registration.duplicateEmail", { field: "email" }];
    case "notWaitlisted":
      return ["error.registration.notWaitlisted", {}];
    default:
      return ["error.registration.closed", {}];
  }
}

export interface CitizenRegistrationInput {
  name: string;
  email: string;
  partySize: number;
  needs: Needs;
  /** The page's language; the row keeps it and mail is sent in it. */
  language?: Language;
}

/**
 * Where a citizen's sign-up came from, for the per-meeting ceilings (ADR 0013, the numbers
 * from signUpCeilings() in app/meetings/crowd.server.ts) and the organisers' burst view.
 */
export interface SignUpSource {
  /** Keyed hash of the client address (see clientKey() in app/platform/client-key.server.ts). */
  clientKey: string | null;
  /** The browser id's key (app/platform/browser-id.server.ts). */
  browserKey?: string | null;
  /** People one client address may sign up for one meeting; unlimited when not given. */
  maxPeoplePerClient?: number;
  /** People one browser may sign up for one meeting; unlimited when not given. */
  maxPeoplePerBrowser?: number;
}

/**
 * "known": the address already had a registration for this meeting. Nothing changed; its
 * mailbox was sent its personal link (unless one went out within the last hour).
 */
export type RegisterOutcome =
  | { kind: "confirmed" | "waitlisted"; registration: Registration; token: string }
  | { kind: "known"; linkMailed: boolean };

/** The public form mails an already registered address its link at most this often. */
export const LINK_MAIL_INTERVAL_MS = 60 * 60 * 1000;

export const manageUrl = (ctx: Pick<ServiceContext, "publicUrl">, token: string) =>
  absoluteUrl(ctx.publicUrl, href("/r/:token", { token }));
/** What the QR code on a confirmation opens: the organisers' check-in page for this code. */
export const checkInUrl = (
  ctx: Pick<ServiceContext, "publicUrl">,
  meetingId: number,
  code: string,
) =>
  absoluteUrl(ctx.publicUrl, href("/admin/meetings/:id/checkin", { id: String(meetingId) })) +
  `?code=${encodeURIComponent(code)}`;

export type ClosedReason = "cancelled" | "draft" | "past" | "notOpenYet" | "closed";

/**
 * The kinds of change a meeting's registrations go through:
 * - signUp: a citizen signs up, or comes back through their personal link;
 * - citizenChange: a citizen changes party size or needs through their personal link;
 * - citizenCancel: a citizen cancels through their personal link;
 * - promote: someone moves from the waitlist to a seat (automatically or by an organiser);
 * - organiserAdd: an organiser adds someone who phoned or walked in.
 */
export type RegistrationChange =
  "signUp" | "citizenChange" | "citizenCancel" | "promote" | "organiserAdd";

/**
 * The one rule for "may this change happen now?": null when it may, else why not. Every path
 * asks here, so nothing moves on a cancelled meeting and no one is promoted once it is over.
 */
export function changeClosedReason(
  meeting: Meeting,
  change: RegistrationChange,
  now = new Date(),
): ClosedReason | null {
  const iso = now.toISOString();
  if (meeting.status === "cancelled") return "cancelled";
  // At the door, and for the record afterwards.
  if (change === "organiserAdd") return null;
  if (change !== "citizenCancel" && meeting.status !== "published") return "draft";
  if (meeting.endsAt <= iso) return "past";
  // Freeing a seat, or filling one, makes sense until the meeting is over.
  if (change === "citizenCancel" || change === "promote") return null;
  if (meeting.registrationOpensAt && meeting.registrationOpensAt > iso) return "notOpenYet";
  if (meeting.registrationClosesAt && meeting.registrationClosesAt <= iso) return "closed";
  return null;
}

/** Why a meeting takes no sign-ups right now, or null when it does. */
export function registrationClosedReason(meeting: Meeting, now = new Date()): ClosedReason | null {
  return changeClosedReason(meeting, "signUp", now);
}

/**
 * Seats still free, counted in people. The one place this is computed: pages, organisers'
 * views and the rules below all ask here. `ignoring` leaves one confirmed registration's own
 * seats out, for "can this party grow?".
 */
export function seatsLeft(
  db: DB,
  meeting: Meeting,
  { ignoring }: { ignoring?: Registration } = {},
): number {
  const own = ignoring?.status === "confirmed" ? ignoring.partySize : 0;
  return Math.max(0, meeting.capacity - (confirmedPeople(db, meeting.id) - own));
}

/**
 * Where a party arriving now goes: a seat when it fits in what is left, else the waitlist. The
 * one place this choice is made (sign-up, an organiser's addition, joining again).
 */
function seatOrWaitlist(db: DB, meeting: Meeting, partySize: number) {
  return partySize <= seatsLeft(db, meeting) ? "confirmed" : "waitlisted";
}

/**
 * A citizen's RSVP from the public form. The form never changes an existing registration:
 * when the address already has one for this meeting, nothing changes and that mailbox is sent
 * its personal link, so typing someone else's address neither alters nor reveals anything.
 * The caller answers both cases the same way; the outcome is told in the email.
 */
export function register(
  ctx: ServiceContext,
  meetingId: number,
  input: CitizenRegistrationInput,
  source: SignUpSource = { clientKey: null },
): RegisterOutcome {
  return change(ctx, (): RegisterOutcome => {
    const meeting = requireChangeAllowed(ctx.db, meetingId, "signUp");
    // Checked before the address is looked up, so the answer is the same for a known one.
    // One browser first: the person who signs up many is told so, not their whole network.
    if (source.browserKey && source.maxPeoplePerBrowser !== undefined) {
      const already = peopleFromBrowser(ctx.db, meeting.id, source.browserKey);
      if (already + input.partySize > source.maxPeoplePerBrowser) {
        throw new RegistrationError(
          "browserLimit",
          Math.max(0, source.maxPeoplePerBrowser - already),
        );
      }
    }
    if (source.clientKey && source.maxPeoplePerClient !== undefined) {
      const already = peopleFromClient(ctx.db, meeting.id, source.clientKey);
      if (already + input.partySize > source.maxPeoplePerClient) {
        throw new RegistrationError(
          "clientLimit",
          Math.max(0, source.maxPeoplePerClient - already),
        );
      }
    }
    const existing = getRegistrationByEmail(ctx.db, meeting.id, input.email);
    if (existing) return { kind: "known", linkMailed: mailLinkAgain(ctx, meeting, existing) };
    const status = seatOrWaitlist(ctx.db, meeting, input.partySize);
    const id = insertRegistration(
      ctx.db,
      meeting.id,
      {
        ...input,
        email: input.email,
        clientKey: source.clientKey,
        browserKey: source.browserKey ?? null,
      },
      status,
      uniqueCheckInCode(ctx.db),
    );
    const token = issueToken(ctx.db, id);
    const registration = getRegistration(ctx.db, id)!;
    queueRegistrationEmail(ctx, meeting, registration, status, token);
    return { kind: status, registration, token };
  });
}

/** The known address's mailbox gets its link, at most once an hour. */
function mailLinkAgain(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Registration,
  now = new Date(),
) {
  const last = registration.linkMailedAt ? Date.parse(registration.linkMailedAt) : Number.NaN;
  if (now.getTime() - last < LINK_MAIL_INTERVAL_MS) return false;
  setLinkMailedAt(ctx.db, registration.id, now.toISOString());
  queueRegistrationEmail(ctx, meeting, registration, "link", issueToken(ctx.db, registration.id));
  return true;
}

export function findByToken(db: DB, token: string): Registration | undefined {
  if (!isTokenShaped(token)) return undefined;
  return getRegistrationByTokenHash(db, hashToken(token));
}

/** Changes party size or needs through the personal link. */
export function changeRegistration(
  ctx: ServiceContext,
  registrationId: number,
  details: { partySize: number; needs: Needs; language?: Language },
): Registration {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status === "cancelled") throw new RegistrationError("closed");
    const meeting = requireChangeAllowed(ctx.db, current.meetingId, "citizenChange");
    applyChange(ctx, meeting, current, { ...details, name: current.name, email: current.email! });
    return getRegistration(ctx.db, registrationId)!;
  });
}

/**
 * A citizen takes back their own cancellation through their personal link: they join as if
 * new (a seat if one is free, else the back of the waitlist). A cancellation an organiser
 * made is not undone this way.
 */
export function rejoinRegistration(
  ctx: ServiceContext,
  registrationId: number,
  language?: Language,
): Registration {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current?.email || current.status !== "cancelled" || current.cancelledBy === "organiser") {
      throw new RegistrationError("notRejoinable");
    }
    const meeting = requireChangeAllowed(ctx.db, current.meetingId, "signUp");
    applyChange(
      ctx,
      meeting,
      current,
      { ...current, email: current.email, language: language ?? current.language },
      { rejoin: true },
    );
    return getRegistration(ctx.db, registrationId)!;
  });
}

/** Cancelling through the personal link: until the meeting is over, and not on a cancelled one. */
export function cancelRegistration(
  ctx: ServiceContext,
  registrationId: number,
  by: RegistrationSource = "citizen",
): Registration {
  return change(ctx, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current) throw new RegistrationError("closed");
    if (current.status === "cancelled") return current;
    const meeting =
      by === "citizen"
        ? requireChangeAllowed(ctx.db, current.meetingId, "citizenCancel")
        : getMeetingById(ctx.db, current.meetingId)!;
    const cancelled = cancelInside(ctx, meeting, current, by);
    promoteWaitlisted(ctx, meeting);
    return cancelled;
  });
}

/** Runs inside the caller's transaction; promotion is the caller's business. */
function cancelInside(
  ctx: ServiceContext,
  meeting: Meeting,
  current: Registration,
  by: RegistrationSource,
) {
  setStatus(ctx.db, current.id, "cancelled", by);
  // The attendee's CANCEL must outrank the invite it withdraws.
  bumpRegistration(ctx.db, current.id);
  const cancelled = getRegistration(ctx.db, current.id)!;
  if (cancelled.email) {
    queueRegistrationEmail(ctx, meeting, cancelled, "cancelled", issueToken(ctx.db, current.id), {
      wasConfirmed: current.status === "confirmed",
    });
  }
  return cancelled;
}

/**
 * Fills free seats from the waitlist, in the order people joined it. A party too large for
 * the seats left is passed over for now, not skipped for good: it moves up when room appears.
 * Runs inside the caller's transaction.
 */
export function promoteWaitlisted(
  ctx: ServiceContext,
  meeting: Meeting,
  now = new Date(),
): Registration[] {
  if (changeClosedReason(meeting, "promote", now)) return [];
  let free = seatsLeft(ctx.db, meeting);
  const promoted: Registration[] = [];
  for (const waiting of listWaitlist(ctx.db, meeting.id)) {
    if (free <= 0) break;
    if (waiting.partySize > free) continue;
    setStatus(ctx.db, waiting.id, "confirmed");
    free -= waiting.partySize;
    const registration = getRegistration(ctx.db, waiting.id)!;
    if (registration.email) {
      queueRegistrationEmail(
        ctx,
        meeting,
        registration,
        "promoted",
        issueToken(ctx.db, waiting.id),
      );
    }
    promoted.push(registration);
  }
  return promoted;
}

/** ServiceContext.fillFreeSeats: a meeting's change may have freed seats. */
export function fillFreeSeats(ctx: ServiceContext, meetingId: number): void {
  const meeting = getMeetingById(ctx.db, meetingId);
  if (meeting) promoteWaitlisted(ctx, meeting);
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
    const meeting = requireChangeAllowed(ctx.db, meetingId, "organiserAdd");
    if (input.email && getRegistrationByEmail(ctx.db, meetingId, input.email)) {
      throw new RegistrationError("duplicateEmail");
    }
    const status = seatOrWaitlist(ctx.db, meeting, input.partySize);
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
      details: { registrationId, partySize: input.partySize },
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

/** The rule for a count at the door: at least one of the party and no more than all of it. */
function requireValidArrival(partySize: number, people: number) {
  if (!Number.isInteger(people) || people < 1 || people > partySize) {
    throw new Refusal(msg("error.checkin.people", { count: partySize }), { field: "people" });
  }
}

/**
 * Records how many of a party came through the door: all of it, or part (three of a party of
 * four). A new count replaces the last one and keeps the first arrival's time, so the fourth
 * who comes later is added by counting again.
 */
export function checkIn(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
  people: number,
) {
  return recordArrival(ctx, organiser, registrationId, people);
}

/** Undoes a check-in made by mistake: nobody of the party has arrived. */
export function undoCheckIn(ctx: ServiceContext, organiser: Organiser, registrationId: number) {
  return recordArrival(ctx, organiser, registrationId, null);
}

function recordArrival(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
  people: number | null,
) {
  return immediate(ctx.db, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status === "cancelled") throw new RegistrationError("closed");
    if (people !== null) requireValidArrival(current.partySize, people);
    setCheckedIn(ctx.db, current.id, people);
    audit(ctx.db, organiser, people === null ? "checkin.undo" : "checkin.arrived", {
      meetingId: current.meetingId,
      target: current.name,
      details: { registrationId, people, partySize: current.partySize },
    });
    return getRegistration(ctx.db, registrationId)!;
  });
}

// ---------------------------------------------------------------------------------------------

function requireChangeAllowed(db: DB, meetingId: number, what: RegistrationChange): Meeting {
  const meeting = getMeetingById(db, meetingId);
  if (!meeting || changeClosedReason(meeting, what)) throw new RegistrationError("closed");
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
    // A new invite after the attendee's own CANCEL needs a higher SEQUENCE than that CANCEL.
    bumpRegistration(db, current.id);
    const status = seatOrWaitlist(db, meeting, input.partySize);
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
    const kind: RegistrationEmailKind = rejoin
      ? (updated.status as "confirmed" | "waitlisted")
      : "updated";
    queueRegistrationEmail(ctx, meeting, updated, kind, issueToken(db, current.id));
  }
}

export function issueToken(db: DB, registrationId: number): string {
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
  const status = registration.status;
  const payload: RegistrationEmailProps = {
    language: registration.language,
    kind,
    name: registration.name,
    partySize: registration.partySize,
    status,
    waitlistPosition: waitlistPosition(ctx.db, registration),
    manageUrl: linkInLanguage(manageUrl(ctx, token), registration.language),
    meeting: meetingFacts(ctx, meeting, registration.language),
    calendarLinks:
      status === "confirmed" && meeting.status === "published"
        ? addToCalendarLinks(ctx, meeting)
        : null,
    checkIn:
      status === "confirmed"
        ? {
            code: registration.checkInCode,
            url: checkInUrl(ctx, meeting.id, registration.checkInCode),
          }
        : null,
    canRejoin: status === "cancelled" && registration.cancelledBy !== "organiser",
    retentionDays: ctx.retentionDays,
  };
  // Only a held seat goes into the calendar; a cancelled seat is taken out of it again.
  let method: "REQUEST" | "CANCEL" | null = null;
  if (status === "confirmed") method = "REQUEST";
  else if (status === "cancelled" && wasConfirmed) method = "CANCEL";
  queueMail(ctx.db, "registration", payload, {
    toAddress: registration.email,
    toName: registration.name,
    calendar: attendeeCalendarPart(ctx, meeting, registration, method),
    replyTo: replyTo(meeting),
    purpose: "registration",
    meetingId: meeting.id,
    owner: { registrationId: registration.id },
  });
}
