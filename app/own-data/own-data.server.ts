/**
 * A citizen's rights over their own data (GDPR articles 15, 17 and 20), through the two links
 * that prove who they are: the personal link of a registration (mailed, never shown to whoever
 * typed the address) and the receipt link of a question (shown to the asker at once, so it
 * proves no mailbox and reaches that one question only).
 *
 * - `collect…` gathers everything held about the person for the page and the JSON download;
 * - `erase…` deletes it in one transaction: a registration is cancelled (its seat freed for
 *   the waitlist) while the meeting may still be cancelled, then stripped of who it was; their
 *   questions keep only what the public already reads; subscriptions and every mail written
 *   for them go. The audit log records that it happened and how much, never what was erased.
 *
 * Through the personal link the person is the registration's address, so it also reaches the
 * questions asked and the updates asked for from that address for the same meeting.
 */
import { eraseRegistrationTargets } from "../../db/audit";
import { subscriptionsOf, type CaseSubscription } from "../../db/case-subscriptions";
import { truncateWal } from "../../db/connection";
import { getMeetingById, type Meeting } from "../../db/meetings";
import { mailOf, type OwnMail } from "../../db/outbox";
import { eraseOwnQuestions, questionsFrom, type Question } from "../../db/questions";
import {
  anonymiseRegistration,
  getRegistration,
  setStatus,
  type Registration,
} from "../../db/registrations";
import { eraseMailOf } from "../mail/erasure.server";
import type { PageLanguage } from "../i18n";
import { audit } from "../platform/audit.server";
import { formatDateTime } from "../platform/dates";
import { privateHeaders } from "../platform/private-page";
import { change, type ServiceContext } from "../platform/service.server";
import { questionsChanged } from "../questions/live.server";
import {
  changeClosedReason,
  promoteWaitlisted,
  RegistrationError,
} from "../registrations/registrations.server";
import { forgetSubscribers } from "../registrations/retention.server";

/** Everything held about one person, as the page shows it and the download carries it. */
export interface OwnData {
  meeting: { title: string; startsAt: string; endsAt: string; venueName: string };
  registration: ReturnType<typeof registrationData> | null;
  questions: ReturnType<typeof questionData>[];
  subscriptions: ReturnType<typeof subscriptionData>[];
  mail: OwnMail[];
}

const meetingData = (m: Meeting) => ({
  title: m.title,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  venueName: m.venueName,
});

// Allow-lists: a field added to a row is not shown until it is named here.
const registrationData = (r: Registration) => ({
  name: r.name,
  email: r.email,
  phone: r.phone,
  partySize: r.partySize,
  needs: { ...r.needs },
  attendance: r.attendance,
  status: r.status,
  waitlistedAt: r.waitlistedAt,
  checkInCode: r.checkInCode,
  checkedInAt: r.checkedInAt,
  checkedInPeople: r.checkedInPeople,
  /** The organisers' note about this registration: the person's data too. */
  organiserNote: r.note,
  registeredBy: r.source,
  language: r.language,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  cancelledAt: r.cancelledAt,
  cancelledBy: r.cancelledBy,
  calledAt: r.calledAt,
  /** Keyed hashes kept against mass sign-ups: not the address or the browser id itself. */
  networkAddressHash: r.clientKey,
  browserIdHash: r.browserKey,
});

const questionData = (q: Question) => ({
  text: q.originalText,
  publicText: q.publicText,
  theme: q.theme,
  status: q.status,
  sentPrivately: q.private,
  askerName: q.askerName,
  showName: q.showName,
  askerEmail: q.askerEmail,
  supportCount: q.supportCount,
  answer: q.answer,
  answeredAt: q.answeredAt,
  language: q.language,
  createdAt: q.createdAt,
  updatedAt: q.updatedAt,
});

const subscriptionData = (s: CaseSubscription) => ({
  email: s.email,
  status: s.status,
  language: s.language,
  createdAt: s.createdAt,
  confirmedAt: s.confirmedAt,
});

/** What the registration's address holds for its meeting. */
function reachedByRegistration(ctx: ServiceContext, registration: Registration) {
  const email = registration.email;
  return {
    questions: email ? questionsFrom(ctx.db, registration.meetingId, email) : [],
    subscriptions: email ? subscriptionsOf(ctx.db, registration.meetingId, email) : [],
  };
}

export function collectRegistrationData(
  ctx: ServiceContext,
  registration: Registration,
  meeting: Meeting,
): OwnData {
  const { questions, subscriptions } = reachedByRegistration(ctx, registration);
  return {
    meeting: meetingData(meeting),
    registration: registrationData(registration),
    questions: questions.map(questionData),
    subscriptions: subscriptions.map(subscriptionData),
    mail: [
      ...mailOf(ctx.db, { registrationIds: [registration.id] }),
      ...mailOf(ctx.db, { questionIds: questions.map((q) => q.id) }),
      ...mailOf(ctx.db, { subscriptionIds: subscriptions.map((s) => s.id) }),
    ].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}

export function collectQuestionData(
  ctx: ServiceContext,
  question: Question,
  meeting: Meeting,
): OwnData {
  return {
    meeting: meetingData(meeting),
    registration: null,
    questions: [questionData(question)],
    subscriptions: [],
    mail: mailOf(ctx.db, { questionIds: [question.id] }),
  };
}

type Shown<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer U)[]
    ? Shown<U>[]
    : { [K in keyof T]: Shown<T[K]> };

/** The same data for the page: every time (a field ending in "At") as Norwegians write it. */
export function shownOwnData(data: OwnData, language: PageLanguage): Shown<OwnData> {
  const show = (value: unknown, key = ""): unknown => {
    if (Array.isArray(value)) return value.map((v) => show(v));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, show(v, k)]));
    }
    return key.endsWith("At") && typeof value === "string"
      ? formatDateTime(value, language)
      : value;
  };
  return show(data) as Shown<OwnData>;
}

/**
 * The data as a download (GDPR art. 20, a common machine-readable format): JSON with times in
 * ISO 8601, never cached on the way.
 */
export function ownDataFile(data: OwnData, slug: string): Response {
  const file = { exportedAt: new Date().toISOString(), ...data };
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      ...privateHeaders,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="opplysninger-${slug}.json"`,
    },
  });
}

/** What an erasure removed, in counts: what the audit log and the page after it say. */
export interface Erased {
  cancelled: boolean;
  questionsKept: number;
  questionsDeleted: number;
  subscriptions: number;
  mails: number;
}

function eraseQuestions(ctx: ServiceContext, outboxDir: string, questions: readonly Question[]) {
  const ids = questions.map((q) => q.id);
  if (ids.length === 0) return { kept: 0, deleted: 0, mails: 0 };
  const mails = eraseMailOf(ctx.db, outboxDir, { questionIds: ids });
  return { ...eraseOwnQuestions(ctx.db, ids), mails };
}

/** Old copies of the erased pages leave the WAL now if they can; retention retries anyway. */
function afterErasure(ctx: ServiceContext, meetingId: number, questions: number) {
  if (questions > 0) {
    questionsChanged(meetingId, "everyone");
    questionsChanged(meetingId, "organisers");
  }
  truncateWal(ctx.db);
}

/**
 * Erases a registration and what its address holds for the meeting. A seat is freed (and the
 * waitlist moves up, each promoted person told of their own seat) while cancelling is still
 * allowed; after that the registration's status stays for the meeting's counts.
 */
export function eraseRegistrationData(
  ctx: ServiceContext,
  registrationId: number,
  outboxDir: string,
): Erased {
  let meetingId = 0;
  let questionCount = 0;
  const erased = change(ctx, (): Erased => {
    const registration = getRegistration(ctx.db, registrationId);
    if (!registration || registration.anonymisedAt) throw new RegistrationError("closed");
    const meeting = getMeetingById(ctx.db, registration.meetingId)!;
    meetingId = meeting.id;
    const { questions, subscriptions } = reachedByRegistration(ctx, registration);
    questionCount = questions.length;
    const cancel =
      registration.status !== "cancelled" && changeClosedReason(meeting, "citizenCancel") === null;
    if (cancel) setStatus(ctx.db, registration.id, "cancelled", "citizen");
    let mails = eraseMailOf(ctx.db, outboxDir, { registrationIds: [registration.id] });
    eraseRegistrationTargets(ctx.db, meeting.id, registration.id);
    anonymiseRegistration(ctx.db, registration.id, new Date().toISOString());
    const fromQuestions = eraseQuestions(ctx, outboxDir, questions);
    mails += fromQuestions.mails;
    mails += forgetSubscribers(
      ctx.db,
      outboxDir,
      subscriptions.map((s) => s.id),
    );
    if (cancel) promoteWaitlisted(ctx, meeting);
    const result = {
      cancelled: cancel,
      questionsKept: fromQuestions.kept,
      questionsDeleted: fromQuestions.deleted,
      subscriptions: subscriptions.length,
      mails,
    };
    audit(ctx.db, "citizen", "citizen.erase", {
      meetingId: meeting.id,
      details: { via: "registration", ...result },
    });
    return result;
  });
  afterErasure(ctx, meetingId, questionCount);
  return erased;
}

/** Erases one question asked through its receipt link, and the mail about it. */
export function eraseQuestionData(
  ctx: ServiceContext,
  question: Question,
  outboxDir: string,
): Erased {
  const result = change(ctx, (): Erased => {
    const { kept, deleted, mails } = eraseQuestions(ctx, outboxDir, [question]);
    const erased = {
      cancelled: false,
      questionsKept: kept,
      questionsDeleted: deleted,
      subscriptions: 0,
      mails,
    };
    audit(ctx.db, "citizen", "citizen.erase", {
      meetingId: question.meetingId,
      details: { via: "question", ...erased },
    });
    return erased;
  });
  afterErasure(ctx, question.meetingId, 1);
  return result;
}
