import { z } from "../platform/zod";
import { msg } from "../i18n";
import { formatWallDate, osloWallTimeProblem } from "../platform/dates";

/** The meeting editor form. Messages are message keys, as in forms/rsvp.ts. */

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

export const meetingSchema = z
  .object({
    title: line(150),
    slug: z
      .string({ error: "error.required" })
      .trim()
      .toLowerCase()
      .min(3, "error.slug.invalid")
      .max(80, "error.slug.invalid")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "error.slug.invalid"),
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
    contactName: optionalLine(150),
    contactEmail: z
      .email({ error: "error.email.invalid" })
      .max(254, "error.email.invalid")
      .optional()
      .transform((v) => v ?? null),
    contactPhone: optionalLine(40),
    reminderHours: z
      .array(z.coerce.number().pipe(z.union(REMINDER_CHOICES.map((h) => z.literal(h)))))
      .default([]),
  })
  .superRefine((v, ctx) => {
    // A wall time the clocks skip or pass twice in Oslo has no single instant to store.
    for (const [d, t, key] of [
      [v.startDate, v.startTime, "startTime"],
      [v.endDate ?? v.startDate, v.endTime, "endTime"],
      [v.opensDate, v.opensTime, "opensTime"],
      [v.closesDate, v.closesTime, "closesTime"],
    ] as const) {
      const problem = d && t ? osloWallTimeProblem(d, t) : null;
      if (problem) {
        const vars = { time: t!.replace(":", "."), date: formatWallDate(d!) };
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: msg(
            problem === "missing" ? "error.time.dst.missing" : "error.time.dst.ambiguous",
            vars,
          ),
        });
      }
    }
    const end = `${v.endDate ?? v.startDate}T${v.endTime}`;
    if (end <= `${v.startDate}T${v.startTime}`) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "error.end.beforeStart" });
    }
    if (v.maxPartySize > v.capacity) {
      ctx.addIssue({
        code: "custom",
        path: ["maxPartySize"],
        message: "error.maxPartySize.aboveCapacity",
      });
    }
    for (const [d, t, key] of [
      [v.opensDate, v.opensTime, "opensTime"],
      [v.closesDate, v.closesTime, "closesTime"],
    ] as const) {
      if (Boolean(d) !== Boolean(t)) {
        ctx.addIssue({ code: "custom", path: [key], message: "error.dateTime.incomplete" });
      }
    }
    if (
      v.opensDate &&
      v.opensTime &&
      v.closesDate &&
      v.closesTime &&
      `${v.closesDate}T${v.closesTime}` <= `${v.opensDate}T${v.opensTime}`
    ) {
      ctx.addIssue({ code: "custom", path: ["closesTime"], message: "error.closes.beforeOpens" });
    }
  });

export type MeetingFormValues = z.infer<typeof meetingSchema>;
