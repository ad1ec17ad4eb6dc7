import type { DB } from "../../db/connection";
import { defaultLanguage, type PageLanguage } from "../i18n";
import { localisedMeeting } from "../meetings/meeting-texts.server";
import { getMeetingById } from "../../db/meetings";
import { waitlistPosition } from "../../db/registrations";
import { privateHeaders } from "../platform/private-page";
import { notFound } from "../platform/refusal.server";
import { changeClosedReason, findByToken } from "./registrations.server";
import { isAhead, meetingPhase } from "../meetings/phase";
import { formatDateTime } from "../platform/dates";
import { streamAccess } from "./stream.server";

/**
 * What the personal page shows of the stream (the stream rule, stream.server.ts): the link
 * only from its time; before that, when it comes, in the reader's language.
 */
function streamView(
  db: DB,
  meeting: Parameters<typeof streamAccess>[1],
  registration: Parameters<typeof streamAccess>[2],
  now: Date,
  language: PageLanguage,
) {
  const access = streamAccess(db, meeting, registration, now);
  if (access?.state !== "later") return access;
  return { state: "later" as const, revealsAt: formatDateTime(access.revealsAt, language) };
}

export function requireRegistrationByToken(db: DB, token: string) {
  const registration = findByToken(db, token);
  if (!registration) {
    notFound({ title: "manage.notFound.title", body: "manage.notFound.body" }, privateHeaders);
  }
  const meeting = getMeetingById(db, registration.meetingId)!;
  return { registration, meeting, position: waitlistPosition(db, registration) };
}

/**
 * What the personal page shows, and nothing more: its loader data travels to the browser
 * (and as /r/<token>.data), so internal fields such as the organiser's note, the phone
 * number, the source or database ids must never be in it. An allow-list, not a deny-list.
 */
export function manageView(
  db: DB,
  token: string,
  now = new Date(),
  language: PageLanguage = defaultLanguage,
) {
  const { registration: r, meeting: original, position } = requireRegistrationByToken(db, token);
  // The meeting's own texts in the reader's language where written (meeting-texts.server.ts).
  const { meeting: m, fallback } = localisedMeeting(db, original, language, []);
  // Someone with a place who may still come: the calendar is theirs, and in the hall the
  // check-in code too (the door is the hall's).
  const expected = r.status === "confirmed" && isAhead(meetingPhase(m, now));
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
      checkInCode: expected && r.attendance === "hall" ? r.checkInCode : null,
      attendance: r.attendance,
    },
    stream: streamView(db, original, r, now, language),
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
      attendance: m.attendance,
      streamRevealMinutes: m.streamRevealMinutes,
    },
    textLang: {
      title: fallback.title,
      accessibility: fallback.accessibility,
      whatToBring: fallback.whatToBring,
    },
    position,
    expected,
    canChange: r.status !== "cancelled" && changeClosedReason(m, "citizenChange", now) === null,
    canCancel: r.status !== "cancelled" && changeClosedReason(m, "citizenCancel", now) === null,
    rejoin: rejoin as "open" | "closed" | "byOrganiser" | null,
  };
}
