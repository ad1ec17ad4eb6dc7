/**
 * The organisers' view of a meeting's registrations: find one, list and filter them, and turn
 * them into rows for the exports.
 */
import { data } from "react-router";
import type { DB } from "../../db/connection";
import type { Meeting } from "../../db/meetings";
import {
  countCheckIns,
  countRegistrations,
  getRegistration,
  listRegistrations,
  listWaitlist,
  type Registration,
} from "../../db/registrations";
import type { AttendeeRow } from "../exports/exports.server";
import { needsSummary, parseFilter, type AttendeeFilter } from "./attendee-list";
import { seatsLeft } from "./registrations.server";

export { parseFilter, type AttendeeFilter };


export function requireRegistration(db: DB, meeting: Meeting, idParam: string | undefined): Registration {
  const id = Number(idParam);
  const registration = Number.isInteger(id) && id > 0 ? getRegistration(db, id) : undefined;
  if (!registration || registration.meetingId !== meeting.id) throw data(null, { status: 404 });
  return registration;
}

/** Registrations with their waitlist place, filtered and searched by name, email, phone or code. */
export function attendees(db: DB, meeting: Meeting, filter: AttendeeFilter, query: string) {
  const positions = new Map(listWaitlist(db, meeting.id).map((r, i) => [r.id, i + 1]));
  const q = query.trim().toLocaleLowerCase("nb");
  const all = listRegistrations(db, meeting.id).map((r) => ({
    ...r,
    waitlistPosition: positions.get(r.id) ?? null,
  }));
  const shown = all.filter((r) => {
    if (filter === "checkedIn" && !r.checkedInAt) return false;
    if (filter !== "all" && filter !== "checkedIn" && r.status !== filter) return false;
    if (!q) return true;
    return [r.name, r.email ?? "", r.phone ?? "", r.checkInCode]
      .some((v) => v.toLocaleLowerCase("nb").includes(q));
  });
  return { shown, counts: countRegistrations(db, meeting.id), seatsLeft: seatsLeft(db, meeting) };
}

export function toAttendeeRows(
  rows: ReturnType<typeof attendees>["shown"],
  labels: { accessibility: string; interpreter: string; other: string },
): AttendeeRow[] {
  return rows.map((r) => ({
    name: r.name,
    email: r.email,
    phone: r.phone,
    partySize: r.partySize,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    needs: needsSummary(r, labels),
    checkInCode: r.checkInCode,
    checkedInAt: r.checkedInAt,
    registeredAt: r.createdAt,
    source: r.source,
  }));
}

/** Arrived and expected people, for the door. */
export const checkInCounts = (db: DB, meeting: Meeting) => countCheckIns(db, meeting.id);
