/**
 * Registrations: who comes to a meeting. Owns the sign-up rules (seats counted in people, the
 * waitlist and its promotion order, when a registration may change), the personal links, and
 * queuing the mail each change causes. Citizens' paths are here; organisers' changes
 * (organiser-changes.server.ts) and check-in (check-in.server.ts) use the same rules, and
 * registration-mail.server.ts words the mail.
 */
import type { DB } from "../../db/connection";
import { change, type ServiceContext } from "../platform/service.server";
import { Refusal, type RefusalOptions } from "../platform/refusal.server";
import { msg, type PageLanguage } from "../i18n";
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
  setStatus,
  updateDetails,
  type Attendance,
  type Needs,
  type Registration,
  type RegistrationSource,
} from "../../db/registrations";
import type { RegistrationEmailKind } from "../../emails/registration-email";
import { meetingPhase } from "../meetings/phase";
import { bumpRegistration } from "../../db/calendar-sequences";
import { queueRegistrationEmail } from "./registration-mail.server";
import {
  hashToken,
  isTokenShaped,
  newCheckInCode,
  newManageToken,
} from "../platform/tokens.server";

export type { ServiceContext } from "../platform/service.server";

export type { Attendance, Needs };

export type RegistrationErrorCode =
  | "closed"
  | "noRoom"
  | "duplicateEmail"
  | "notWaitlisted"
  | "clientLimit"
  | "browserLimit"
  | "notRejoinable"
  | "noRoomThere";

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
    case "noRoomThere":
      return ["error.registration.noRoomThere", { field: "attendance" }];
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
  language?: PageLanguage;
  /** In the hall or online; where the meeting offers one way only, that one. */
  attendance?: Attendance;
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
const LINK_MAIL_INTERVAL_MS = 60 * 60 * 1000;

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
  const phase = meetingPhase(meeting, now);
  if (phase === "cancelled") return "cancelled";
  // At the door, and for the record afterwards.
  if (change === "organiserAdd") return null;
  // A meeting taken down again may come back; its people may still give their seat back.
  if (phase === "draft") return change === "citizenCancel" ? null : "draft";
  if (phase === "ended") return "past";
  // Freeing a seat, or filling one, makes sense until the meeting is over.
  if (change === "citizenCancel" || change === "promote") return null;
  if (meeting.registrationOpensAt && meeting.registrationOpensAt > iso) return "notOpenYet";
  if (meeting.registrationClosesAt && meeting.registrationClosesAt <= iso) return "closed";
  return null;
}

/** The ways of attending a meeting offers, in the order forms show them. */
function attendanceChoices(meeting: Pick<Meeting, "attendance">): Attendance[] {
  return meeting.attendance === "both" ? ["hall", "online"] : [meeting.attendance];
}

/**
 * How a registration asking for `requested` attends: that way when the meeting offers it, else
 * the way it does offer (a meeting that stopped streaming between page and post seats in the hall).
 */
export function attendanceFor(meeting: Pick<Meeting, "attendance">, requested?: Attendance) {
  const offered = attendanceChoices(meeting);
  return requested && offered.includes(requested) ? requested : offered[0]!;
}

/**
 * Places still free for one way of attending, counted in people: the hall's seats, or the
 * online places (Infinity when online has no limit). The one place this is computed: pages,
 * organisers' views and the rules below all ask here. `ignoring` leaves one confirmed
 * registration's own places out, for "can this party grow?".
 */
export function placesLeft(
  db: DB,
  meeting: Meeting,
  attendance: Attendance,
  { ignoring }: { ignoring?: Registration } = {},
): number {
  if (!attendanceChoices(meeting).includes(attendance)) return 0;
  const capacity = attendance === "hall" ? meeting.capacity : (meeting.onlineCapacity ?? Infinity);
  const own =
    ignoring?.status === "confirmed" && ignoring.attendance === attendance ? ignoring.partySize : 0;
  return Math.max(0, capacity - (confirmedPeople(db, meeting.id, attendance) - own));
}

/** Seats still free in the hall (placesLeft for the hall). */
export function seatsLeft(db: DB, meeting: Meeting, options: { ignoring?: Registration } = {}) {
  return placesLeft(db, meeting, "hall", options);
}

/**
 * Where a party arriving now goes: a place when it fits in what is left for its way of
 * attending, else that way's waitlist (online sign-ups never go on the hall's). The one place
 * this choice is made (sign-up, an organiser's addition, joining again).
 */
export function seatOrWaitlist(
  db: DB,
  meeting: Meeting,
  partySize: number,
  attendance: Attendance = "hall",
) {
  return partySize <= placesLeft(db, meeting, attendance) ? "confirmed" : "waitlisted";
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
    const attendance = attendanceFor(meeting, input.attendance);
    const status = seatOrWaitlist(ctx.db, meeting, input.partySize, attendance);
    const id = insertRegistration(
      ctx.db,
      meeting.id,
      {
        ...input,
        attendance,
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

/** Changes party size, needs or the way of attending through the personal link. */
export function changeRegistration(
  ctx: ServiceContext,
  registrationId: number,
  details: { partySize: number; needs: Needs; language?: PageLanguage; attendance?: Attendance },
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
  language?: PageLanguage,
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
export function cancelInside(
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
  // Each way of attending has its own places and its own waitlist.
  const free = new Map(attendanceChoices(meeting).map((a) => [a, placesLeft(ctx.db, meeting, a)]));
  const promoted: Registration[] = [];
  for (const waiting of listWaitlist(ctx.db, meeting.id)) {
    const left = free.get(waiting.attendance) ?? 0;
    if (waiting.partySize > left) continue;
    setStatus(ctx.db, waiting.id, "confirmed");
    free.set(waiting.attendance, left - waiting.partySize);
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

export function requireChangeAllowed(db: DB, meetingId: number, what: RegistrationChange): Meeting {
  const meeting = getMeetingById(db, meetingId);
  if (!meeting || changeClosedReason(meeting, what)) throw new RegistrationError("closed");
  return meeting;
}

/**
 * Applies new details to an existing registration. A confirmed party that grows keeps its
 * seats only if the extra people fit; otherwise nothing changes and the caller is told how
 * many fit. A move between hall and online needs the whole party's places free on the other
 * side, and holds them at once; what it leaves goes to that side's waitlist. A cancelled
 * registration that comes back is treated like a new one.
 */
export function applyChange(
  ctx: ServiceContext,
  meeting: Meeting,
  current: Registration,
  input: CitizenRegistrationInput,
  { rejoin = false } = {},
) {
  const db = ctx.db;
  const attendance = attendanceFor(meeting, input.attendance ?? current.attendance);
  const moves = !rejoin && attendance !== current.attendance;
  if (rejoin) {
    updateDetails(db, current.id, { ...input, attendance });
    resetWaitlistPlace(db, current.id);
    // A new invite after the attendee's own CANCEL needs a higher SEQUENCE than that CANCEL.
    bumpRegistration(db, current.id);
    const status = seatOrWaitlist(db, meeting, input.partySize, attendance);
    setStatus(db, current.id, status);
  } else if (moves) {
    const available = placesLeft(db, meeting, attendance);
    if (input.partySize > available) throw new RegistrationError("noRoomThere", available);
    updateDetails(db, current.id, { ...input, attendance });
    setStatus(db, current.id, "confirmed");
    // The calendar copy changes place (the hall, or the join link), so it must be re-sent.
    bumpRegistration(db, current.id);
    promoteWaitlisted(ctx, meeting);
  } else {
    if (current.status === "confirmed" && input.partySize > current.partySize) {
      const available = placesLeft(db, meeting, current.attendance, { ignoring: current });
      if (input.partySize > available) throw new RegistrationError("noRoom", available);
    }
    updateDetails(db, current.id, input);
    // A smaller party frees seats; the person itself may now fit if waitlisted.
    promoteWaitlisted(ctx, meeting);
  }
  const updated = getRegistration(db, current.id)!;
  // Promotion sends its own email; only tell about the change when that did not happen.
  if (rejoin || moves || !(current.status === "waitlisted" && updated.status === "confirmed")) {
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

export function uniqueCheckInCode(db: DB): string {
  for (;;) {
    const code = newCheckInCode();
    if (!isCheckInCodeTaken(db, code)) return code;
  }
}
