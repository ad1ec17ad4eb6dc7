import { data } from "react-router";
import type { DB } from "../../db/connection";
import { getMeetingById } from "../../db/meetings";
import { findByToken, positionOnWaitlist, registrationClosedReason } from "./registrations.server";

/**
 * Headers for pages addressed by a personal token: never cached, and the URL never sent to
 * other sites as Referer. ("no-referrer" would also make browsers send Origin: null on the
 * page's own form posts, which the framework's CSRF check rightly refuses.)
 */
export const privateHeaders = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "same-origin",
  "X-Robots-Tag": "noindex",
};

export function requireRegistrationByToken(db: DB, token: string) {
  const registration = findByToken(db, token);
  if (!registration) {
    throw data(
      { title: "manage.notFound.title", body: "manage.notFound.body" },
      { status: 404, headers: privateHeaders },
    );
  }
  const meeting = getMeetingById(db, registration.meetingId)!;
  return {
    registration,
    meeting,
    position: positionOnWaitlist(db, registration),
    closedReason: registrationClosedReason(meeting),
  };
}
