/**
 * The organisers' view of a meeting's registrations: find one, list and filter them, and turn
 * them into rows for the exports.
 */
import { distance } from "fastest-levenshtein";
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
import { inHallWindow } from "../meetings/crowd.server";
import { needsSummary, parseFilter, type AttendeeFilter } from "./attendee-list";
import { seatsLeft } from "./registrations.server";
import { checkInCodeKey } from "../platform/tokens.server";
import { notFound } from "../platform/refusal.server";

export { parseFilter, type AttendeeFilter };

export function requireRegistration(
  db: DB,
  meeting: Meeting,
  idParam: string | undefined,
): Registration {
  const id = Number(idParam);
  const registration = Number.isInteger(id) && id > 0 ? getRegistration(db, id) : undefined;
  if (!registration || registration.meetingId !== meeting.id) notFound();
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
  // Each way of attending has its own waitlist, so its own places on it.
  const waitlist = listWaitlist(db, meeting.id);
  const positions = new Map(
    waitlist.map((r) => [
      r.id,
      waitlist.filter((w) => w.attendance === r.attendance).indexOf(r) + 1,
    ]),
  );
  const q = query.trim().toLocaleLowerCase("nb");
  const codeKey = checkInCodeKey(query);
  const all = listRegistrations(db, meeting.id).map((r) => ({
    ...r,
    waitlistPosition: positions.get(r.id) ?? null,
  }));
  const shown = all.filter((r) => {
    if (filter === "checkedIn" && !r.checkedInAt) return false;
    if (filter === "online" && (r.attendance !== "online" || r.status === "cancelled")) {
      return false;
    }
    if (!["all", "checkedIn", "online"].includes(filter) && r.status !== filter) return false;
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
 * then the waitlist in the order seats would be offered. Cancelled registrations are left out,
 * and so is everyone following online: the door is the hall's.
 */
export function doorOrder<
  T extends Pick<Registration, "name" | "status" | "attendance"> & {
    waitlistPosition: number | null;
  },
>(all: T[]): T[] {
  const rows = all.filter((r) => r.attendance === "hall");
  const waiting = rows
    .filter((r) => r.status === "waitlisted")
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  return [...sortBySurname(rows.filter((r) => r.status === "confirmed")), ...waiting];
}

/**
 * What makes sign-ups that share a network address worth a look. Sharing an address alone is
 * not one: a hall on one Wi-Fi, an office, neighbours behind a mobile carrier's address.
 * - sameBrowser: one browser signed up several people, each with their own address;
 * - similarNames, similarEmails: names or mail addresses that differ by a letter or two or only
 *   by their numbers ("Test 1", "Test 2"; ola1@…, ola2@…, ola+a@…);
 * - seconds: they came seconds apart, faster than one person fills in the form; not counted
 *   while the meeting's hall is in session, when a room full of phones does just that.
 */
export type BurstSign = "sameBrowser" | "similarNames" | "similarEmails" | "seconds";

export interface Burst {
  registrations: Pick<
    Registration,
    "id" | "name" | "email" | "partySize" | "status" | "createdAt"
  >[];
  from: string;
  to: string;
  people: number;
  signs: BurstSign[];
}

export interface BurstOptions {
  /** Sign-ups from one address more than this apart are not one run. */
  gapMs?: number;
  minSize?: number;
  /** "seconds": no more than this between one sign-up of the group and the next. */
  quickMs?: number;
  /** A run this long of sign-ups seconds apart shows on its own, alike or not. */
  quickRun?: number;
  /** How many later sign-ups of the run each one is compared with (names, mail addresses). */
  neighbours?: number;
}

/**
 * Groups of sign-ups from one network address that look made rather than typed (see
 * BurstSign and groupsIn): at least `minSize` live registrations linked one to the next
 * (`quickRun` when only their pace links them), within a run from that address with no more
 * than `gapMs` between one and the next. A full hall of different people on one Wi-Fi,
 * however fast, is no group.
 */
export function bursts(
  db: DB,
  meeting: Meeting,
  {
    gapMs = 10 * 60 * 1000,
    minSize = 3,
    quickMs = 10_000,
    quickRun = 5,
    neighbours = 25,
  }: BurstOptions = {},
): Burst[] {
  const byClient = new Map<string, Registration[]>();
  for (const r of listRegistrations(db, meeting.id)) {
    if (!r.clientKey || r.status === "cancelled") continue;
    byClient.set(r.clientKey, [...(byClient.get(r.clientKey) ?? []), r]);
  }
  const found: Burst[] = [];
  for (const list of byClient.values()) {
    const sorted = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    let run: Registration[] = [];
    const close = () => {
      if (run.length >= minSize) {
        found.push(...groupsIn(meeting, run, { minSize, quickMs, quickRun, neighbours }));
      }
      run = [];
    };
    for (const r of sorted) {
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

/**
 * The groups in one run from one address that look made: a union-find over links between two
 * sign-ups. One browser for both, or both name and mail address alike, always links them; a
 * name or a mail address alike links them only when they came seconds apart outside the
 * hall's session (strangers in a hall may be called Anne and Arne Hansen), and so does the
 * pace alone, for `quickRun` or more in a row: faster than people type, from one address.
 */
function groupsIn(
  meeting: Meeting,
  run: Registration[],
  { minSize, quickMs, quickRun, neighbours }: Required<Omit<BurstOptions, "gapMs">>,
): Burst[] {
  const parent = run.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const signs = run.map(() => new Set<BurstSign>());
  const link = (i: number, j: number, found: BurstSign[]) => {
    parent[root(i)] = root(j);
    for (const sign of found) {
      signs[i]!.add(sign);
      signs[j]!.add(sign);
    }
  };
  const times = run.map((r) => Date.parse(r.createdAt));
  const quick = (i: number, j: number) =>
    times[j]! - times[i]! <= quickMs && !inHallWindow(meeting, new Date(times[i]!));
  const lastOfBrowser = new Map<string, number>();
  run.forEach((r, i) => {
    if (r.browserKey) {
      const before = lastOfBrowser.get(r.browserKey);
      if (before !== undefined) link(before, i, ["sameBrowser"]);
      lastOfBrowser.set(r.browserKey, i);
    }
    for (let j = i + 1; j < Math.min(run.length, i + 1 + neighbours); j++) {
      const other = run[j]!;
      const names = similarNames(r.name, other.name);
      const emails = Boolean(r.email && other.email && similarEmails(r.email, other.email));
      const alike: BurstSign[] = [
        ...(names ? (["similarNames"] as const) : []),
        ...(emails ? (["similarEmails"] as const) : []),
      ];
      if (names && emails) link(i, j, alike);
      else if (alike.length > 0 && quick(i, j)) link(i, j, [...alike, "seconds"]);
    }
  });
  // Runs of sign-ups, one seconds after the other: linked when the run is long enough.
  let paceStart = 0;
  for (let i = 1; i <= run.length; i++) {
    if (i < run.length && quick(i - 1, i)) continue;
    if (i - paceStart >= quickRun) {
      for (let k = paceStart + 1; k < i; k++) link(k - 1, k, ["seconds"]);
    }
    paceStart = i;
  }
  const groups = new Map<number, number[]>();
  run.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  const found: Burst[] = [];
  for (const members of groups.values()) {
    if (members.length < minSize) continue;
    const rows = members.map((i) => run[i]!);
    const seen = new Set(members.flatMap((i) => [...signs[i]!]));
    if (members.every((i, k) => k === 0 || quick(members[k - 1]!, i))) seen.add("seconds");
    found.push({
      registrations: rows.map(({ id, name, email, partySize, status, createdAt }) => ({
        id,
        name,
        email,
        partySize,
        status,
        createdAt,
      })),
      from: rows[0]!.createdAt,
      to: rows.at(-1)!.createdAt,
      people: rows.reduce((n, r) => n + r.partySize, 0),
      signs: (["sameBrowser", "similarNames", "similarEmails", "seconds"] as const).filter((s) =>
        seen.has(s),
      ),
    });
  }
  return found;
}

const fold = (text: string) =>
  text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("nb").replace(/\s+/g, " ").trim();

/**
 * Names the same but for their numbers ("Test 1", "Test 22"), or a letter apart (two letters
 * in long names: "Kari Nordmann", "Kari Nordman"). Families share a surname, not a first
 * name: "Kari Nordmann" and "Ola Nordmann" are four letters apart.
 */
function similarNames(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  const bare = (s: string) => s.replace(/[\d\s]+/g, "");
  if (/\d/.test(x + y) && bare(x) === bare(y) && bare(x).length >= 2) return true;
  const shorter = Math.min(x.length, y.length);
  if (shorter < 6) return false;
  return distance(x, y) <= (shorter >= 12 ? 2 : 1);
}

/**
 * Mail addresses that are the same but for numbers, dots or a "+tag" in the part before the
 * "@" (ola1@…, ola2@…, o.la@…, ola+x@…), or whose parts before the "@" at the same domain are a
 * letter or two apart. Colleagues at one domain are not alike by that alone.
 */
function similarEmails(a: string, b: string): boolean {
  const [localA = "", domainA = ""] = fold(a).split("@");
  const [localB = "", domainB = ""] = fold(b).split("@");
  const stem = (local: string) => local.replace(/\+.*$/, "").replace(/[\d._-]+/g, "");
  const stemA = stem(localA);
  if (stemA.length >= 2 && stemA === stem(localB) && localA !== localB) return true;
  return domainA === domainB && Math.min(localA.length, localB.length) >= 5
    ? distance(localA, localB) <= 2
    : false;
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
    attendance: r.attendance,
  }));
}

/** Arrived and expected people, for the door. */
export const checkInCounts = (db: DB, meeting: Meeting) => countCheckIns(db, meeting.id);
