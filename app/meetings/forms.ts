/**
 * The meeting editor form. Messages are message keys, as in registrations/forms.ts. Every rule that
 * spans fields runs even when other fields fail (zod's `when`), so the organiser sees every
 * problem after one try, not one after another.
 */
import { z } from "../platform/zod";
import { msg } from "../i18n";
import { formatWallDate, osloToUtc, osloWallTimeProblem } from "../platform/dates";
import { SLUG_MAX, SLUG_MIN, SLUG_PATTERN } from "./slug";

const CONTROL = /[^\P{Cc}\n\r\t]/u;
const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg("error.tooLong", { max }))
    .refine((v) => !/\p{Cc}/u.test(v), "error.invalidCharacters");
const line = (max: number) =>
  z.string({ error: "error.required" }).pipe(singleLine(max).min(1, "error.required"));
const optionalLine = (max: number) =>
  singleLine(max)
    .optional()
    .transform((v) => (v ? v : null));
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg("error.tooLong", { max }))
    .refine((v) => !CONTROL.test(v), "error.invalidCharacters")
    .default("");

const date = z
  .string({ error: "error.date.required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.date.invalid");
const time = z
  .string({ error: "error.time.required" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.time.invalid");
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.date.invalid")
  .optional();
const optionalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.time.invalid")
  .optional();

/**
 * A stream's or recording's address: any provider (YouTube, Vimeo, PeerTube, Teams or Zoom
 * live events), over https only.
 */
const streamUrl = z
  .url({ protocol: /^https$/, error: "error.streamUrl.invalid" })
  .max(1000, "error.streamUrl.invalid");

/** The dashboard's recording form: an https address, or empty to take it down. */
export const recordingSchema = z.object({
  recordingUrl: z
    .preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      streamUrl.optional(),
    )
    .transform((v) => v ?? null),
});

export const REMINDER_CHOICES = [168, 48, 24, 2] as const;

/** For readForm(): the reminder times are a group of checkboxes, one name ticked at most each. */
export const meetingFormShape = { repeats: { reminderHours: REMINDER_CHOICES.length } };

/** "19.00 Velkommen" → { timeLabel: "19.00", title: "Velkommen" }; one agenda item per line. */
export function parseAgenda(value: string): { timeLabel: string | null; title: string }[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const match = /^(\d{1,2}[.:]\d{2})\s*[-–:]?\s*(.+)$/.exec(l);
      return match
        ? { timeLabel: match[1]!.replace(":", "."), title: match[2]!.trim() }
        : { timeLabel: null, title: l };
    });
}

/** "Tittel – beskrivelse" (or "Tittel: beskrivelse"); one theme per line. */
export function parseThemes(value: string): { title: string; description: string }[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [title, ...rest] = l.split(/\s+[–-]\s+|:\s+/);
      return { title: title!.trim(), description: rest.join(" – ").trim() };
    });
}

// Cross-field rules run whatever else failed, as long as there is a form to look at.
const isObject = (payload: { value: unknown }) =>
  typeof payload.value === "object" && payload.value !== null;

/** How long before the start the stream link may be revealed at most: a day (the column's CHECK). */
export const MAX_STREAM_REVEAL_MINUTES = 1440;

export const meetingSchema = z
  .object({
    title: line(150),
    // Left empty, the server makes it from the title (editor.server.ts).
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(SLUG_MIN, "error.slug.invalid")
      .max(SLUG_MAX, "error.slug.invalid")
      .regex(SLUG_PATTERN, "error.slug.invalid")
      .optional()
      .transform((v) => v ?? null),
    description: text(10_000),
    startDate: date,
    startTime: time,
    endDate: optionalDate,
    endTime: time,
    venueName: line(150),
    address: line(200),
    mapUrl: z
      .url({ protocol: /^https?$/, error: "error.url.invalid" })
      .max(500, "error.url.invalid")
      .optional()
      .transform((v) => v ?? null),
    accessibility: text(2000),
    whatToBring: text(1000),
    capacity: z
      .number({ error: "error.capacity.invalid" })
      .int("error.capacity.invalid")
      .min(1, "error.capacity.invalid")
      .max(100_000, "error.capacity.invalid"),
    maxPartySize: z
      .number({ error: "error.maxPartySize.invalid" })
      .int("error.maxPartySize.invalid")
      .min(1, "error.maxPartySize.invalid")
      .max(50, "error.maxPartySize.invalid"),
    opensDate: optionalDate,
    opensTime: optionalTime,
    closesDate: optionalDate,
    closesTime: optionalTime,
    agenda: text(5000),
    themes: text(5000),
    questionGuidance: text(1000),
    contactName: optionalLine(150),
    contactEmail: z
      .email({ error: "error.email.invalid" })
      .max(254, "error.email.invalid")
      .optional()
      .transform((v) => v ?? null),
    contactPhone: optionalLine(40),
    attendance: z
      .enum(["hall", "online", "both"], { error: "error.attendance.mode" })
      .default("hall"),
    streamUrl: streamUrl.optional().transform((v) => v ?? null),
    dialIn: optionalLine(200),
    streamRevealMinutes: z
      .number({ error: "error.streamReveal.invalid" })
      .int("error.streamReveal.invalid")
      .min(0, "error.streamReveal.invalid")
      .max(MAX_STREAM_REVEAL_MINUTES, "error.streamReveal.invalid")
      .default(15),
    onlineCapacity: z
      .number({ error: "error.onlineCapacity.invalid" })
      .int("error.onlineCapacity.invalid")
      .min(1, "error.onlineCapacity.invalid")
      .max(1_000_000, "error.onlineCapacity.invalid")
      .optional()
      .transform((v) => v ?? null),
    reminderHours: z
      .array(z.coerce.number().pipe(z.union(REMINDER_CHOICES.map((h) => z.literal(h)))))
      .default([]),
  })
  .superRefine(
    (v, ctx) => {
      // Each rule looks only at fields that parsed; the others already have their message.
      const fine = (...keys: (keyof typeof v)[]) =>
        !ctx.issues.some((issue) => keys.includes(issue.path?.[0] as keyof typeof v));
      crossFieldRules(v, fine, (path, message) =>
        ctx.addIssue({ code: "custom", path: [path], message }),
      );
    },
    { when: isObject },
  );

export type MeetingFormValues = z.infer<typeof meetingSchema>;

type Fine = (...keys: (keyof MeetingFormValues)[]) => boolean;
type Report = (path: keyof MeetingFormValues, message: string) => void;

function crossFieldRules(v: MeetingFormValues, fine: Fine, report: Report) {
  // A wall time the clocks skip or pass twice in Oslo has no single instant to store.
  const wallTimes = [
    [v.startDate, v.startTime, "startTime", fine("startDate", "startTime")],
    [v.endDate ?? v.startDate, v.endTime, "endTime", fine("startDate", "endDate", "endTime")],
    [v.opensDate, v.opensTime, "opensTime", fine("opensDate", "opensTime")],
    [v.closesDate, v.closesTime, "closesTime", fine("closesDate", "closesTime")],
  ] as const;
  for (const [d, t, key, parsed] of wallTimes) {
    const problem = parsed && d && t ? osloWallTimeProblem(d, t) : null;
    if (problem) {
      const vars = { time: t!.replace(":", "."), date: formatWallDate(d!) };
      report(
        key,
        msg(problem === "missing" ? "error.time.dst.missing" : "error.time.dst.ambiguous", vars),
      );
    }
  }
  if (fine("startDate", "startTime", "endDate", "endTime")) {
    const end = `${v.endDate ?? v.startDate}T${v.endTime}`;
    if (end <= `${v.startDate}T${v.startTime}`) report("endTime", "error.end.beforeStart");
  }
  // The hall's seats bound a party; online places have their own (optional) limit.
  if (
    fine("capacity", "maxPartySize") &&
    v.attendance !== "online" &&
    v.maxPartySize > v.capacity
  ) {
    report("maxPartySize", "error.maxPartySize.aboveCapacity");
  }
  // A dial-in or a limit on online places means nothing for a meeting held only in the hall.
  if (v.attendance === "hall" && (v.streamUrl || v.dialIn || v.onlineCapacity !== null)) {
    report("attendance", "error.attendance.hallWithStream");
  }
  for (const [d, t, key] of [
    [v.opensDate, v.opensTime, "opensTime"],
    [v.closesDate, v.closesTime, "closesTime"],
  ] as const) {
    if (Boolean(d) !== Boolean(t)) report(key, "error.dateTime.incomplete");
  }
  if (
    fine("opensDate", "opensTime", "closesDate", "closesTime") &&
    v.opensDate &&
    v.opensTime &&
    v.closesDate &&
    v.closesTime &&
    `${v.closesDate}T${v.closesTime}` <= `${v.opensDate}T${v.opensTime}`
  ) {
    report("closesTime", "error.closes.beforeOpens");
  }
}

/** Whether a meeting starting at this instant (UTC ISO) has started at `now`. */
export function hasStarted(startsAt: string, now: Date): boolean {
  return new Date(startsAt).getTime() <= now.getTime();
}

export interface EditorRules {
  /**
   * The stored start (Oslo wall date and time) of the meeting being edited, or null for a new
   * one. A meeting that stays where it is may be in the past (a summary added after it ended);
   * a new or moved one may not.
   */
  keptStart: { date: string; time: string } | null;
  /** The clock to judge "past" by; read at each validation when not given. */
  now?: () => Date;
}

/** The editor's schema: the form plus the rule that a new or moved meeting starts ahead. */
export function editorSchema({ keptStart, now = () => new Date() }: EditorRules) {
  return meetingSchema.superRefine(
    (v, ctx) => {
      if (ctx.issues.some((i) => i.path?.[0] === "startDate" || i.path?.[0] === "startTime"))
        return;
      if (!v.startDate || !v.startTime) return;
      const kept = keptStart && keptStart.date === v.startDate && keptStart.time === v.startTime;
      if (!kept && hasStarted(osloToUtc(v.startDate, v.startTime), now())) {
        ctx.addIssue({ code: "custom", path: ["startDate"], message: "error.start.past" });
      }
    },
    { when: isObject },
  );
}

/**
 * A meeting's texts in another language (app/meetings/meeting-texts.server.ts): each may be
 * left empty, and is then shown in bokmål. The limits are the editor's. The agenda, when
 * given, has a line per bokmål agenda item, in the same order (`agendaItems`).
 */
export function meetingTextsSchema(agendaItems: number) {
  return z.object({
    title: singleLine(150).default(""),
    description: text(10_000),
    accessibility: text(2000),
    whatToBring: text(1000),
    agenda: text(5000).refine(
      (v) => v === "" || parseAgenda(v).length === agendaItems,
      msg("meetingTexts.error.agendaLines", { count: agendaItems }),
    ),
    questionGuidance: text(1000),
  });
}
