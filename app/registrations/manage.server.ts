import type { DB } from "../../db/connection";
import { getMeetingById } from "../../db/meetings";
import { privateHeaders } from "../platform/private-page";
import { changeClosedReason, findByToken, positionOnWaitlist } from "./registrations.server";
import { notFound } from "../platform/refusal.server";

export function requireRegistrationByToken(db: DB, token: string) {
  const registration = findByToken(db, token);
  if (!registration) {
    notFound({ title: "manage.notFound.title", body: "manage.notFound.body" }, privateHeaders);
  }
  const meeting = getMeetingById(db, registration.meetingId)!;
  return { registration, meeting, position: positionOnWaitlist(db, registration) };
}

/**
 * What the personal page shows, and nothing more: its loader data travels to the browser
 * (and as /r/<token>.data), so internal fields such as the organiser's note, the phone
 * number, the source or database ids must never be in it. An allow-list, not a deny-list.
 */
export function manageView(db: DB, token: string, now = new Date()) {
  const { registration: r, meeting: m, position } = requireRegistrationByToken(db, token);
  const rejoin =
    r.status !== "cancelled"
      ? null
      : r.cancelledBy === "organiser"
        ? "byOrganiser"
        : changeClosedReason(m, "signUp", now)
          ? "closed"
          : "open";
  return {
    registration: {
      status: r.status,
      name: r.name,
      email: r.email,
      partySize: r.partySize,
      needs: { ...r.needs },
      checkInCode: r.status === "confirmed" ? r.checkInCode : null,
    },
    meeting: {
      title: m.title,
      slug: m.slug,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      venueName: m.venueName,
      address: m.address,
      mapUrl: m.mapUrl,
      accessibility: m.accessibility,
      whatToBring: m.whatToBring,
      maxPartySize: m.maxPartySize,
    },
    position,
    canChange: r.status !== "cancelled" && changeClosedReason(m, "citizenChange", now) === null,
    canCancel: r.status !== "cancelled" && changeClosedReason(m, "citizenCancel", now) === null,
    rejoin: rejoin as "open" | "closed" | "byOrganiser" | null,
  };
}
