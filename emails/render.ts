import { createElement, type ReactElement } from "react";
import { render, toPlainText } from "./components";
import { z } from "zod";
import { qrCodePng } from "./qr-code";
import {
  CHECK_IN_QR_CID,
  RegistrationEmail,
  registrationSlots,
  registrationSubject,
  type RegistrationEmailProps,
} from "./registration-email";
import {
  MeetingEmail,
  meetingSlots,
  meetingSubject,
  type MeetingEmailProps,
} from "./meeting-email";
import {
  ArchiveWarningEmail,
  archiveWarningSubject,
  type ArchiveWarningProps,
  CaseConfirmEmail,
  CaseUpdateEmail,
  QuestionNoticeEmail,
  QuestionReceiptEmail,
  caseConfirmSubject,
  caseUpdateSubject,
  questionNoticeSubject,
  questionReceiptSubject,
  type CaseConfirmProps,
  type CaseUpdateProps,
  type QuestionNoticeProps,
  type QuestionReceiptProps,
} from "./question-emails";
import { mailTexts, payloadLanguages } from "./texts";
import { createSkeletonCache, type Rendered, type Slots } from "./skeleton";

export interface InlineImage {
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** Images the HTML refers to as cid:… (the check-in QR code). */
  inlineImages: InlineImage[];
}

/** Only http(s) links may end up in an href. */
const httpUrl = z.url({
  protocol: /^https?$/,
  error: "must be an http:// or https:// URL",
});

/**
 * The recipient's language. Mail queued before languages existed has none, and is bokmål.
 * (The templates take it as optional for the same reason; here it always has a value.)
 */
const language = z.enum(payloadLanguages).default("nb");

/** How an attendee attends, where the meeting offers both ways; and the online part (ADR 0016). */
const attendanceFields = {
  attendance: z.enum(["hall", "online"]).nullable().optional(),
  online: z
    .object({
      stream: z.object({ url: httpUrl.nullable(), dialIn: z.string().max(200) }).nullable(),
      revealsAt: z.string().max(100).nullable(),
      askUrl: httpUrl,
    })
    .nullable()
    .optional(),
};

const registrationEmailSchema = z.object({
  language,
  kind: z.enum(["confirmed", "waitlisted", "promoted", "updated", "cancelled", "link"]),
  name: z.string().min(1).max(200),
  partySize: z.number().int().min(1).max(100),
  waitlistPosition: z.number().int().min(1).nullable(),
  status: z.enum(["confirmed", "waitlisted", "cancelled"]),
  manageUrl: httpUrl,
  meeting: z.object({
    title: z.string().min(1).max(300),
    when: z.string().min(1),
    venueName: z.string().min(1),
    address: z.string().min(1),
    mapUrl: httpUrl.nullable(),
    accessibility: z.string(),
    url: httpUrl,
    contact: z.string().nullable(),
    agenda: z.array(z.string().max(500)).max(50).optional(),
    whatToBring: z.string().max(1000).optional(),
    textLang: z
      .object({
        title: z.literal("nb").optional(),
        accessibility: z.literal("nb").optional(),
        whatToBring: z.literal("nb").optional(),
        agenda: z.literal("nb").optional(),
      })
      .optional(),
  }),
  calendarLinks: z
    .object({ google: httpUrl, outlook: httpUrl, office365: httpUrl, ics: httpUrl })
    .nullable()
    .optional(),
  checkIn: z
    .object({ code: z.string().regex(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/), url: httpUrl })
    .nullable()
    .optional(),
  canRejoin: z.boolean().optional(),
  retentionDays: z.number().int().min(1).max(3650).optional(),
  ...attendanceFields,
}) satisfies z.ZodType<RegistrationEmailProps>;

const meetingEmailSchema = z.object({
  language,
  kind: z.enum(["changed", "cancelled", "restored", "reminder", "message", "stream", "recording"]),
  name: z.string().min(1).max(200),
  status: z.enum(["confirmed", "waitlisted"]),
  partySize: z.number().int().min(1).max(100),
  waitlistPosition: z.number().int().min(1).nullable(),
  manageUrl: httpUrl,
  changes: z
    .array(
      z.object({
        kind: z.enum(["time", "place"]),
        before: z.string().max(1000),
        after: z.string().max(1000),
      }),
    )
    .max(2),
  message: z.string().max(5000).nullable(),
  subject: z.string().max(200).nullable(),
  meeting: registrationEmailSchema.shape.meeting.extend({
    agenda: z.array(z.string().max(500)).max(50),
  }),
  retentionDays: z.number().int().min(1).max(3650).optional(),
  calendarAttached: z.boolean(),
  calendarLinks: registrationEmailSchema.shape.calendarLinks.unwrap(),
  ...attendanceFields,
  recordingUrl: httpUrl.nullable().optional(),
}) satisfies z.ZodType<MeetingEmailProps>;

/** Removes line breaks and other control characters, so a value is safe in a header. */
function headerSafe(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

const questionReceiptSchema = z.object({
  language,
  meetingTitle: z.string().min(1).max(300),
  question: z.string().min(1).max(5000),
  receiptUrl: httpUrl,
  retentionDays: z.number().int().min(1).max(3650).optional(),
}) satisfies z.ZodType<QuestionReceiptProps>;

const questionNoticeSchema = z.object({
  language,
  kind: z.enum(["answered", "merged", "private"]),
  meetingTitle: z.string().min(1).max(300),
  question: z.string().min(1).max(5000),
  answer: z.string().max(10000).nullable(),
  url: httpUrl,
}) satisfies z.ZodType<QuestionNoticeProps>;

const archiveWarningSchema = z.object({
  language,
  meetingTitle: z.string().min(1).max(300),
  erasureDate: z.string().min(1).max(100),
  dashboardUrl: httpUrl,
}) satisfies z.ZodType<ArchiveWarningProps>;

const caseConfirmSchema = z.object({
  language,
  meetingTitle: z.string().min(1).max(300),
  confirmUrl: httpUrl,
}) satisfies z.ZodType<CaseConfirmProps>;

const caseUpdateSchema = z.object({
  language,
  meetingTitle: z.string().min(1).max(300),
  title: z.string().min(1).max(300),
  body: z.string().min(1).max(20000),
  meetingUrl: httpUrl,
  unsubscribeUrl: httpUrl,
}) satisfies z.ZodType<CaseUpdateProps>;

interface Template {
  build(payload: unknown): {
    subject: string;
    body: () => Promise<Rendered>;
    images: () => Promise<InlineImage[]>;
  };
}

/** One React render: the plain text is made from the HTML, as render's plainText option would
 * do after rendering the same tree a second time. */
async function renderBody(element: ReactElement): Promise<Rendered> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}

function defineTemplate<P>(
  name: string,
  schema: z.ZodType<P>,
  element: (props: P) => ReactElement,
  subject: (props: P) => string,
  options: {
    images?: (props: P) => Promise<InlineImage[]>;
    /** The personal strings of a mail sent to many (emails/skeleton.ts). */
    slots?: Slots<P>;
  } = {},
): Template {
  const { images = async () => [], slots } = options;
  const body = (props: P) => renderBody(element(props));
  // Each template its own skeletons: two templates' props could otherwise make the same key.
  const renderShared = slots ? createSkeletonCache() : null;
  return {
    build(payload) {
      const result = schema.safeParse(payload);
      if (!result.success) {
        const problems = result.error.issues
          .map((i) => `${i.path.length > 0 ? i.path.join(".") : "(payload)"}: ${i.message}`)
          .join("; ");
        throw new Error(`Invalid payload for email template "${name}": ${problems}`);
      }
      const props = result.data;
      return {
        // Every subject, in every language, is made one line here: titles and an organiser's
        // subject are typed by people.
        subject: headerSafe(subject(props)),
        body: () => (renderShared && slots ? renderShared(props, slots, body) : body(props)),
        images: () => images(props),
      };
    },
  };
}

/** What each template is queued with (app/mail/queue.server.ts): the one list of templates. */
export interface TemplatePayloads {
  registration: RegistrationEmailProps;
  meeting: MeetingEmailProps;
  "question-receipt": QuestionReceiptProps;
  "question-notice": QuestionNoticeProps;
  "case-confirm": CaseConfirmProps;
  "case-update": CaseUpdateProps;
  "archive-warning": ArchiveWarningProps;
}
export type TemplateName = keyof TemplatePayloads;

const templates: { [Name in TemplateName]: Template } = {
  registration: defineTemplate(
    "registration",
    registrationEmailSchema,
    (props) => createElement(RegistrationEmail, props),
    registrationSubject,
    {
      slots: registrationSlots,
      images: async (props) =>
        props.checkIn && props.status === "confirmed" && props.kind !== "cancelled"
          ? [
              {
                cid: CHECK_IN_QR_CID,
                filename: mailTexts(props.language).t("checkIn.filename"),
                contentType: "image/png",
                content: await qrCodePng(props.checkIn.url, 320),
              },
            ]
          : [],
    },
  ),
  // Reminders, notices and messages go to every attendee at once.
  meeting: defineTemplate(
    "meeting",
    meetingEmailSchema,
    (props) => createElement(MeetingEmail, props),
    meetingSubject,
    { slots: meetingSlots },
  ),
  "question-receipt": defineTemplate(
    "question-receipt",
    questionReceiptSchema,
    (props) => createElement(QuestionReceiptEmail, props),
    questionReceiptSubject,
  ),
  "question-notice": defineTemplate(
    "question-notice",
    questionNoticeSchema,
    (props) => createElement(QuestionNoticeEmail, props),
    questionNoticeSubject,
  ),
  "case-confirm": defineTemplate(
    "case-confirm",
    caseConfirmSchema,
    (props) => createElement(CaseConfirmEmail, props),
    caseConfirmSubject,
  ),
  "case-update": defineTemplate(
    "case-update",
    caseUpdateSchema,
    (props) => createElement(CaseUpdateEmail, props),
    caseUpdateSubject,
  ),
  "archive-warning": defineTemplate(
    "archive-warning",
    archiveWarningSchema,
    (props) => createElement(ArchiveWarningEmail, props),
    archiveWarningSubject,
  ),
};

const templateNames: readonly string[] = Object.keys(templates);

/** Renders a named template with a (validated) payload into subject, HTML and plain text. */
export async function renderEmail(template: string, payload: unknown): Promise<RenderedEmail> {
  // A stored row's template is a string: a row written by an older version may name one that
  // is gone.
  const entry = Object.hasOwn(templates, template)
    ? templates[template as TemplateName]
    : undefined;
  if (!entry) {
    throw new Error(`Unknown email template "${template}" (known: ${templateNames.join(", ")})`);
  }
  const { subject, body, images } = entry.build(payload);
  const [{ html, text }, inlineImages] = await Promise.all([body(), images()]);
  return { subject, html, text, inlineImages };
}
