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
import { sortBySurname, type AttendeeRow } from "../exports/exports.server";
import { needsSummary, parseFilter, type AttendeeFilter } from "./attendee-list";
import { seatsLeft } from "./registrations.server";
import { checkInCodeKey } from "../platform/tokens.server";

export { parseFilter, type AttendeeFilter };

export function requireRegistration(
  db: DB,
  meeting: Meeting,
  idParam: string | undefined,
): Registration {
  const id = Number(idParam);
  const registration = Number.isInteger(id) && id > 0 ? getRegistration(db, id) : undefined;
  if (!registration || registration.meetingId !== meeting.id) throw data(null, { status: 404 });
  return registration;
}

/**
 * Three letters or digits of a code are enough to find it; fewer would match half the list.
 */
const MIN_CODE_SEARCH = 3;

/**
 * Registrations with their waitlist place, filtered and searched by name, email, phone or
 * check-in code. A code matches however it was typed or read aloud ("rru 77r" finds RRU-77R).
 */
export function attendees(db: DB, meeting: Meeting, filter: AttendeeFilter, query: string) {
  const positions = new Map(listWaitlist(db, meeting.id).map((r, i) => [r.id, i + 1]));
  const q = query.trim().toLocaleLowerCase("nb");
  const codeKey = checkInCodeKey(query);
  const all = listRegistrations(db, meeting.id).map((r) => ({
    ...r,
    waitlistPosition: positions.get(r.id) ?? null,
  }));
  const shown = all.filter((r) => {
    if (filter === "checkedIn" && !r.checkedInAt) return false;
    if (filter !== "all" && filter !== "checkedIn" && r.status !== filter) return false;
    if (!q) return true;
    if (codeKey.length >= MIN_CODE_SEARCH && checkInCodeKey(r.checkInCode).includes(codeKey)) {
      return true;
    }
    return [r.name, r.email ?? "", r.phone ?? ""].some((v) =>
      v.toLocaleLowerCase("nb").includes(q),
    );
  });
  return { shown, counts: countRegistrations(db, meeting.id), seatsLeft: seatsLeft(db, meeting) };
}

/**
 * The door's order, for the paper list and the check-in page: everyone with a seat by surname,
 * then the waitlist in the order seats would be offered. Cancelled registrations are left out.
 */
export function doorOrder<
  T extends Pick<Registration, "name" | "status"> & { waitlistPosition: number | null },
>(rows: T[]): T[] {
  const waiting = rows
    .filter((r) => r.status === "waitlisted")
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  return [...sortBySurname(rows.filter((r) => r.status === "confirmed")), ...waiting];
}

export interface Burst {
  registrations: Pick<
    Registration,
    "id" | "name" | "email" | "partySize" | "status" | "createdAt"
  >[];
  from: string;
  to: string;
  people: number;
}

/**
 * Sign-ups from the same client (the same keyed network address) that came close together:
 * each a run of at least `minSize` live registrations with no more than `gapMs` between one
 * and the next. A household or an office may be one; a bot filling the meeting will be.
 */
export function bursts(
  db: DB,
  meeting: Meeting,
  { gapMs = 10 * 60 * 1000, minSize = 3 }: { gapMs?: number; minSize?: number } = {},
): Burst[] {
  const byClient = new Map<string, Registration[]>();
  for (const r of listRegistrations(db, meeting.id)) {
    if (!r.clientKey || r.status === "cancelled") continue;
    byClient.set(r.clientKey, [...(byClient.get(r.clientKey) ?? []), r]);
  }
  const found: Burst[] = [];
  for (const list of byClient.values()) {
    let run: Registration[] = [];
    const close = () => {
      if (run.length >= minSize) {
        found.push({
          registrations: run.map(({ id, name, email, partySize, status, createdAt }) => ({
            id,
            name,
            email,
            partySize,
            status,
            createdAt,
          })),
          from: run[0]!.createdAt,
          to: run.at(-1)!.createdAt,
          people: run.reduce((n, r) => n + r.partySize, 0),
        });
      }
      run = [];
    };
    for (const r of list) {
      const last = run.at(-1);
      if (last && Date.parse(r.createdAt) - Date.parse(last.createdAt) > gapMs) close();
      run.push(r);
    }
    close();
  }
  return found.sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * For readForm(): a burst's cancel form names each of its registrations, so the name repeats
 * as often as the meeting has live registrations, and no more.
 */
export function burstFormShape(db: DB, meeting: Meeting) {
  const counts = countRegistrations(db, meeting.id);
  return {
    repeats: {
      registrationId: Math.max(1, counts.confirmedRegistrations + counts.waitlistedRegistrations),
    },
  };
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
    checkedInPeople: r.checkedInPeople,
    registeredAt: r.createdAt,
    source: r.source,
  }));
}

/** Arrived and expected people, for the door. */
export const checkInCounts = (db: DB, meeting: Meeting) => countCheckIns(db, meeting.id);
