import { z } from "../platform/zod";

/** Forms on the organisers' mail pages. Messages are message keys (app/i18n). */

export const noticeSchema = z.object({
  intent: z.enum(["preview", "send"]),
  upToId: z.coerce.number().int().min(1),
  message: z.string().trim().max(5000, "error.notice.messageTooLong").optional(),
});

export const messageSchema = z.object({
  audience: z.enum(["all", "confirmed", "waitlisted"], { error: "error.message.audience" }),
  subject: z
    .string({ error: "error.message.subjectRequired" })
    .trim()
    .min(1, "error.message.subjectRequired")
    .max(150, "error.message.subjectTooLong"),
  message: z
    .string({ error: "error.message.bodyRequired" })
    .trim()
    .min(1, "error.message.bodyRequired")
    .max(5000, "error.message.bodyTooLong"),
});

/** Marking an attendee without email as phoned about a notice (or taking it back). */
export const callSchema = z.object({
  intent: z.enum(["called", "notCalled"]),
  registrationId: z.coerce.number().int().min(1),
  changeId: z.coerce.number().int().min(1),
  // The page the organiser marked the call on, to go back to.
  back: z.enum(["dashboard", "notice"]).catch("notice"),
});
