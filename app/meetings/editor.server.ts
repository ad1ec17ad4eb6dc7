import { immediate, type DB } from "../../db/connection";
import { copyMeetingTexts } from "../../db/meeting-texts";
import {
  bumpSequence,
  countCitizenTraces,
  deleteMeeting,
  getAgenda,
  getMeetingById,
  getMeetingStream,
  getThemes,
  insertMeeting,
  isSlugTaken,
  listMeetingChanges,
  recordMeetingChange,
  replaceAgenda,
  replaceThemes,
  setMeetingStatus,
  setMeetingStream,
  updateMeeting,
  type Meeting,
  type MeetingChangeKind,
  type MeetingFields,
} from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { audit } from "../platform/audit.server";
import { osloToUtc, utcToOslo } from "../platform/dates";
import { msg, translator } from "../i18n";
import { activeRegistrations } from "../../db/registrations";
import { timeChangeValue } from "./changes";
import {
  hasStarted,
  recordingSchema,
  parseAgenda,
  parseThemes,
  type EditorRules,
  type MeetingFormValues,
} from "./forms";
import { freeSlug, slugFromTitle } from "./slug";
import { change, type ServiceContext } from "../platform/service.server";
import { Refusal } from "../platform/refusal.server";
import { z } from "../platform/zod";

/** Two meetings cannot share an address. */
const slugTaken = () => new Refusal("error.slug.taken", { field: "slug" });

/**
 * The address the meeting gets: the one the organiser typed (refused if another meeting has
 * it), or, left empty, one made from the title that no other meeting has.
 */
function chooseSlug(db: DB, v: MeetingFormValues, id?: number): string {
  if (v.slug) {
    if (isSlugTaken(db, v.slug, id)) throw slugTaken();
    return v.slug;
  }
  return freeSlug(slugFromTitle(v.title), (slug) => isSlugTaken(db, slug, id));
}

/** The editor's values as stored fields: wall times in Oslo become UTC instants. */
function toFields(
  v: MeetingFormValues,
  slug: string,
): MeetingFields & {
  agenda: ReturnType<typeof parseAgenda>;
  themes: ReturnType<typeof parseThemes>;
} {
  const themes = parseThemes(v.themes);
  return {
    slug,
    title: v.title,
    description: v.description,
    startsAt: osloToUtc(v.startDate, v.startTime),
    endsAt: osloToUtc(v.endDate ?? v.startDate, v.endTime),
    venueName: v.venueName,
    address: v.address,
    mapUrl: v.mapUrl,
    accessibility: v.accessibility,
    whatToBring: v.whatToBring,
    capacity: v.capacity,
    maxPartySize: v.maxPartySize,
    registrationOpensAt: v.opensDate && v.opensTime ? osloToUtc(v.opensDate, v.opensTime) : null,
    registrationClosesAt:
      v.closesDate && v.closesTime ? osloToUtc(v.closesDate, v.closesTime) : null,
    contactName: v.contactName,
    contactEmail: v.contactEmail,
    contactPhone: v.contactPhone,
    reminderHours: [...v.reminderHours].sort((a, b) => b - a),
    questionGuidance: v.questionGuidance,
    attendance: v.attendance,
    streamRevealMinutes: v.streamRevealMinutes,
    onlineCapacity: v.onlineCapacity,
    agenda: parseAgenda(v.agenda),
    themes: themes.length ? themes : defaultThemes(),
  };
}

/** The editor's stream fields as stored (kept apart from the meeting, see MeetingStream). */
const toStream = (v: MeetingFormValues) => ({ streamUrl: v.streamUrl, dialIn: v.dialIn ?? "" });

/** The stored meeting as editor values (the inverse of toFields). */
export function toFormValues(db: DB, meeting: Meeting) {
  const stream = getMeetingStream(db, meeting.id);
  const [startDate, startTime] = utcToOslo(meeting.startsAt);
  const [endDate, endTime] = utcToOslo(meeting.endsAt);
  const [opensDate, opensTime] = meeting.registrationOpensAt
    ? utcToOslo(meeting.registrationOpensAt)
    : [];
  const [closesDate, closesTime] = meeting.registrationClosesAt
    ? utcToOslo(meeting.registrationClosesAt)
    : [];
  return {
    title: meeting.title,
    slug: meeting.slug,
    description: meeting.description,
    startDate,
    startTime,
    endDate: endDate === startDate ? "" : endDate,
    endTime,
    venueName: meeting.venueName,
    address: meeting.address,
    mapUrl: meeting.mapUrl ?? "",
    accessibility: meeting.accessibility,
    whatToBring: meeting.whatToBring,
    capacity: String(meeting.capacity),
    maxPartySize: String(meeting.maxPartySize),
    opensDate: opensDate ?? "",
    opensTime: opensTime ?? "",
    closesDate: closesDate ?? "",
    closesTime: closesTime ?? "",
    agenda: getAgenda(db, meeting.id)
      .map((a) => (a.timeLabel ? `${a.timeLabel} ${a.title}` : a.title))
      .join("\n"),
    themes: getThemes(db, meeting.id)
      .map((t) => (t.description ? `${t.title} – ${t.description}` : t.title))
      .join("\n"),
    contactName: meeting.contactName ?? "",
    contactEmail: meeting.contactEmail ?? "",
    contactPhone: meeting.contactPhone ?? "",
    reminderHours: meeting.reminderHours.map(String),
    questionGuidance: meeting.questionGuidance,
    attendance: meeting.attendance,
    streamUrl: stream.streamUrl ?? "",
    dialIn: stream.dialIn,
    streamRevealMinutes: String(meeting.streamRevealMinutes),
    onlineCapacity: meeting.onlineCapacity === null ? "" : String(meeting.onlineCapacity),
  };
}

/** What the editor holds a stored meeting to: its start may stay where it is, past or not. */
export function editorRulesFor(meeting: Meeting): EditorRules {
  const [date, time] = utcToOslo(meeting.startsAt);
  return { keptStart: { date, time } };
}

/**
 * What an empty themes field becomes: one open theme that fits any meeting, never another
 * meeting's themes (the demo's are about one case in Røros).
 */
function defaultThemes(): { title: string; description: string }[] {
  const t = translator();
  return [
    { title: t("meeting.defaultTheme.title"), description: t("meeting.defaultTheme.description") },
  ];
}

/** Default values for a new meeting. */
export function newMeetingDefaults() {
  return {
    capacity: "100",
    maxPartySize: "4",
    startTime: "19:00",
    endTime: "21:00",
    themes: defaultThemes()
      .map((t) => `${t.title} – ${t.description}`)
      .join("\n"),
    reminderHours: ["168", "24"],
    attendance: "hall",
    streamRevealMinutes: "15",
  };
}

export function createMeeting(
  ctx: ServiceContext,
  organiser: Organiser,
  v: MeetingFormValues,
): number {
  return immediate(ctx.db, () => {
    const id = insertMeeting(ctx.db, { ...toFields(v, chooseSlug(ctx.db, v)), status: "draft" });
    setMeetingStream(ctx.db, id, toStream(v));
    audit(ctx.db, organiser, "meeting.create", { meetingId: id, target: v.title });
    return id;
  });
}

const place = (m: Pick<Meeting, "venueName" | "address">) => `${m.venueName}, ${m.address}`;

/**
 * Saves the editor. A new time or place on a meeting people may have in their calendars
 * raises SEQUENCE and is recorded, so attendees can be told. More seats fill from the waitlist.
 */
export function updateMeetingFromForm(
  ctx: ServiceContext,
  organiser: Organiser,
  id: number,
  v: MeetingFormValues,
): { changes: MeetingChangeKind[] } {
  return change(ctx, () => {
    const before = getMeetingById(ctx.db, id)!;
    const { agenda, themes, ...fields } = toFields(v, chooseSlug(ctx.db, v, id));
    requireAttendanceKept(ctx.db, before, fields.attendance ?? "hall");
    const streamBefore = getMeetingStream(ctx.db, id);
    updateMeeting(ctx.db, id, fields);
    setMeetingStream(ctx.db, id, toStream(v));
    replaceAgenda(ctx.db, id, agenda);
    replaceThemes(ctx.db, id, themes);
    const after = getMeetingById(ctx.db, id)!;
    const changes: MeetingChangeKind[] = [];
    if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) changes.push("time");
    if (place(before) !== place(after)) changes.push("place");
    if (changes.length && before.status !== "draft") {
      const sequence = bumpSequence(ctx.db, id);
      for (const kind of changes) {
        const describe = kind === "time" ? timeChangeValue : place;
        recordMeetingChange(ctx.db, {
          meetingId: id,
          organiserId: organiser.id,
          kind,
          before: describe(before),
          after: describe(after),
          sequence,
        });
      }
    }
    const streamAfter = toStream(v);
    const changed: string[] = [
      ...(Object.keys(fields) as (keyof typeof fields)[]).filter(
        (k) =>
          JSON.stringify(before[k as keyof Meeting]) !== JSON.stringify(after[k as keyof Meeting]),
      ),
      // The log says the stream changed, never what it is.
      ...(["streamUrl", "dialIn"] as const).filter((k) => streamBefore[k] !== streamAfter[k]),
    ];
    audit(ctx.db, organiser, "meeting.update", {
      meetingId: id,
      target: after.title,
      details: { changed },
    });
    if (after.status === "published") fillFreeSeats(ctx, id);
    return { changes };
  });
}

/**
 * A way of attending that people are signed up for cannot be taken away under them: they are
 * moved or cancelled first (organisers see who on the attendee list).
 */
function requireAttendanceKept(db: DB, before: Meeting, next: Meeting["attendance"]) {
  const dropped = (["hall", "online"] as const).filter(
    (a) =>
      (before.attendance === "both" || before.attendance === a) && next !== "both" && next !== a,
  );
  for (const attendance of dropped) {
    const people = activeRegistrations(db, before.id, attendance);
    if (people > 0) {
      throw new Refusal(msg(`error.attendance.inUse.${attendance}`, { count: people }), {
        field: "attendance",
      });
    }
  }
}

/** More seats, or open again: the waitlist moves up (see ServiceContext.fillFreeSeats). */
function fillFreeSeats(ctx: ServiceContext, meetingId: number) {
  if (!ctx.fillFreeSeats) {
    throw new Error(
      "ServiceContext.fillFreeSeats is missing: build the context as services.server.ts does",
    );
  }
  ctx.fillFreeSeats(ctx, meetingId);
}

export type StatusAction = "publish" | "unpublish" | "cancel" | "restore";

/**
 * The dashboard's buttons: a copy of the meeting, or a change of its status. Cancelling asks
 * for a confirmation box (`confirm=yes`), checked by the action so it can say so.
 */
export const dashboardIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("duplicate") }),
  z.object({ intent: z.literal("recording") }).extend(recordingSchema.shape),
  z.object({
    intent: z.enum(["publish", "unpublish", "cancel", "restore"]),
    confirm: z.string().optional(),
  }),
]);

/**
 * Why a meeting may not be put before the public now, or null: one whose start has passed
 * would invite people to something that is over (and its data would be "erased" on a date
 * already gone). The editor refuses to move a meeting into the past; this catches a draft
 * whose time ran out while it waited.
 */
export function publishRefusedReason(meeting: Meeting, now = new Date()): "past" | null {
  return hasStarted(meeting.startsAt, now) ? "past" : null;
}

export function changeMeetingStatus(
  ctx: ServiceContext,
  organiser: Organiser,
  id: number,
  action: StatusAction,
  now = new Date(),
) {
  change(ctx, () => {
    const meeting = getMeetingById(ctx.db, id)!;
    const next = {
      publish: "published",
      unpublish: "draft",
      cancel: "cancelled",
      restore: "published",
    } as const;
    // Restoring is not refused: a meeting that did take place may be set straight afterwards.
    if (action === "publish" && publishRefusedReason(meeting, now)) {
      throw new Refusal("error.publish.past");
    }
    setMeetingStatus(ctx.db, id, next[action]);
    if (action === "cancel" || (action === "restore" && meeting.status === "cancelled")) {
      const sequence = bumpSequence(ctx.db, id);
      recordMeetingChange(ctx.db, {
        meetingId: id,
        organiserId: organiser.id,
        kind: action === "cancel" ? "cancelled" : "restored",
        before: meeting.status,
        after: next[action],
        sequence,
      });
    }
    audit(ctx.db, organiser, `meeting.${action}`, { meetingId: id, target: meeting.title });
    if (next[action] === "published") fillFreeSeats(ctx, id);
  });
}

/** "Make the next meeting like this one": a draft copy with a free slug, no registrations. */
export function duplicateMeeting(ctx: ServiceContext, organiser: Organiser, id: number): number {
  return immediate(ctx.db, () => {
    const m = getMeetingById(ctx.db, id)!;
    let slug = `${m.slug}-kopi`;
    for (let n = 2; isSlugTaken(ctx.db, slug); n++) slug = `${m.slug}-kopi-${n}`;
    const copy = insertMeeting(ctx.db, {
      ...m,
      slug,
      status: "draft",
      // The stream and the recording belong to the meeting that was held, not to the next.
      recordingUrl: null,
      agenda: getAgenda(ctx.db, id).map(({ timeLabel, title }) => ({ timeLabel, title })),
      themes: getThemes(ctx.db, id).map(({ title, description }) => ({ title, description })),
    });
    copyMeetingTexts(ctx.db, id, copy);
    audit(ctx.db, organiser, "meeting.duplicate", {
      meetingId: copy,
      target: m.title,
      details: { from: id },
    });
    return copy;
  });
}

/**
 * Why a meeting may not be deleted, or null. Only a draft in which no citizen has left
 * anything (no sign-up, question or subscription) goes: nobody holds a confirmation, a
 * calendar invite or a personal link to it, so its going changes nothing anyone was told.
 * Anything else is cancelled instead, which tells the people concerned and keeps the record.
 */
export function deleteRefusedReason(db: DB, meeting: Meeting): "notDraft" | "hasCitizens" | null {
  if (meeting.status !== "draft") return "notDraft";
  if (countCitizenTraces(db, meeting.id) > 0) return "hasCitizens";
  return null;
}

/** Deletes a draft nobody has touched (see deleteRefusedReason), and logs who did it. */
export function deleteDraft(ctx: ServiceContext, organiser: Organiser, id: number) {
  immediate(ctx.db, () => {
    const meeting = getMeetingById(ctx.db, id)!;
    const refused = deleteRefusedReason(ctx.db, meeting);
    if (refused) throw new Refusal(`error.delete.${refused}`, { status: 409 });
    deleteMeeting(ctx.db, id);
    // The row is gone, so the entry names it in words: the log outlives the meeting.
    audit(ctx.db, organiser, "meeting.delete", {
      target: meeting.title,
      details: { id, slug: meeting.slug, startsAt: meeting.startsAt },
    });
  });
}

export function pendingChangeNotices(db: DB, meetingId: number) {
  return listMeetingChanges(db, meetingId).filter((c) => !c.notifiedAt);
}
