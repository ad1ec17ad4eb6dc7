/**
 * Citizens' questions: this module owns the rules for sending, editing and withdrawing a
 * question through its private link, supporting one ("Jeg lurer også på dette"), moderating
 * (approve, reject, reword, theme, star, merge, answer), the panel's agenda order, the
 * question on the projector, and publishing answers with one notice per asker. Every change
 * runs in one BEGIN IMMEDIATE transaction with its audit entry and any mail it queues, then
 * tells open pages (live.server.ts) that the meeting's questions changed.
 *
 * Neighbouring modules: forms.ts (zod), platform/browser-id.server.ts (the support cookie),
 * subscriptions.server.ts ("Hold meg oppdatert om saken"), after.server.ts (summary and PDFs),
 * exports.server.ts (panel lists), live.server.ts (server-sent events).
 */
import { linkInLanguage } from "../platform/language.server";
import type { Language } from "../i18n";
import { href } from "react-router";
import { immediate, type DB } from "../../db/connection";
import { getMeetingById, getThemes, type Meeting } from "../../db/meetings";
import { meetingPhase } from "../meetings/phase";
import type { Organiser } from "../../db/organisers";
import { queueMail } from "../mail/queue.server";
import * as q from "../../db/questions";
import type { Question, QuestionStatus, PublicSort } from "../../db/questions";
import type { QuestionNoticeProps, QuestionReceiptProps } from "../../emails/question-emails";
import { audit } from "../platform/audit.server";
import { hashToken, isTokenShaped, newManageToken } from "../platform/tokens.server";
import { Refusal, notFound } from "../platform/refusal.server";
import { privateHeaders } from "../platform/private-page";
import { change, type ServiceContext } from "../platform/service.server";
import { absoluteUrl } from "../platform/paths";
import { meetingAfterView } from "./after.server";
import { questionConstraint, subscribeConstraint, themeChoices } from "./forms";
import type { ThemeChoice } from "./limits";
import { questionsChanged, type Audience } from "./live.server";

export type { PublicSort };

export type QuestionErrorCode =
  "closed" | "notPending" | "notFound" | "badMerge" | "notApproved" | "pendingLimit";

const errorStatus: Partial<Record<QuestionErrorCode, 404 | 429>> = {
  notFound: 404,
  pendingLimit: 429,
};

/** A Refusal (the one way an expected failure travels) that also says which rule refused. */
export class QuestionError extends Refusal {
  constructor(readonly code: QuestionErrorCode) {
    super(`error.question.${code}`, { status: errorStatus[code] ?? 400 });
  }
}

/** The label of the catch-all theme; the catalogue holds the same word for the page. */
export const OTHER_THEME = "Annet";

const questionsUrl = (ctx: Pick<ServiceContext, "publicUrl">, meeting: Pick<Meeting, "slug">) =>
  absoluteUrl(ctx.publicUrl, href("/meetings/:slug/questions", { slug: meeting.slug }));
export const receiptUrl = (ctx: Pick<ServiceContext, "publicUrl">, token: string) =>
  absoluteUrl(ctx.publicUrl, href("/question/:token", { token }));
/** The short address shown on the screen in the hall. */
export const hallUrl = (ctx: Pick<ServiceContext, "publicUrl">, meeting: Pick<Meeting, "id">) =>
  absoluteUrl(ctx.publicUrl, href("/q/:id", { id: String(meeting.id) }));

/** The meeting the hall's short link names and where it leads, or null if it is not public. */
export function hallAsk(
  db: DB,
  idParam: string | undefined,
): { meeting: Meeting; path: string } | null {
  const id = Number(idParam);
  const meeting = Number.isInteger(id) && id > 0 ? getMeetingById(db, id) : undefined;
  if (!meeting || meeting.status === "draft") return null;
  return {
    meeting,
    path: `${href("/meetings/:slug/questions/new", { slug: meeting.slug })}?from=hall`,
  };
}

export type QuestionsClosedReason = "cancelled" | "draft" | "past";

/** Why a meeting takes no questions now, or null when it does (before and during the meeting). */
export function questionsClosedReason(
  meeting: Meeting,
  now = new Date(),
): QuestionsClosedReason | null {
  const phase = meetingPhase(meeting, now);
  if (phase === "ended") return "past";
  return phase === "cancelled" || phase === "draft" ? phase : null;
}

export function meetingThemeChoices(db: DB, meeting: Meeting): ThemeChoice[] {
  return themeChoices(getThemes(db, meeting.id), OTHER_THEME);
}

/** What the public sees of a question: never the original once reworded, the name only if asked. */
function publicQuestion(question: Question) {
  return {
    id: question.id,
    theme: question.theme,
    text: question.publicText ?? question.originalText,
    askerName: question.showName && question.askerName ? question.askerName : null,
    supportCount: question.supportCount,
    answer: question.answer,
    answered: question.answeredAt !== null,
    createdAt: question.createdAt,
  };
}

// --- Citizens --------------------------------------------------------------------------------

export interface AskInput {
  themeValue: string;
  text: string;
  name: string | null;
  showName: boolean;
  email: string | null;
  source: "web" | "hall";
  /** The page's language; mail to the asker is sent in it. */
  language?: Language;
}

/**
 * Where a citizen's question came from, for the ceiling on questions waiting from one address
 * (ADR 0013; the number from questionCeilings() in app/meetings/crowd.server.ts).
 */
export interface AskSource {
  /** Keyed hash of the client address; kept only while the question waits. */
  clientKey: string | null;
  /** Questions from one address that may wait for moderation at once; unlimited when not given. */
  maxPendingPerClient?: number;
}

/**
 * A citizen's question, pending moderation. The asker counts as its first supporter, so a
 * later merge adds up people, not rows, and the asker cannot "support" their own question.
 * An asker who gave an address gets a receipt with the private link, queued in the same
 * transaction.
 */
export function askQuestion(
  ctx: ServiceContext,
  meetingId: number,
  input: AskInput,
  supporterKey: string,
  source: AskSource = { clientKey: null },
): { question: Question; token: string } {
  const result = change(ctx, () => {
    const meeting = getMeetingById(ctx.db, meetingId);
    if (!meeting || questionsClosedReason(meeting)) throw new QuestionError("closed");
    const choice = meetingThemeChoices(ctx.db, meeting).find((c) => c.value === input.themeValue);
    if (!choice) throw new QuestionError("notFound");
    if (
      source.clientKey &&
      source.maxPendingPerClient !== undefined &&
      q.pendingFromClient(ctx.db, meetingId, source.clientKey) >= source.maxPendingPerClient
    ) {
      throw new QuestionError("pendingLimit");
    }
    const id = q.insertQuestion(ctx.db, {
      meetingId,
      theme: choice.title,
      text: input.text,
      askerName: input.name || null,
      showName: Boolean(input.name) && input.showName,
      askerEmail: input.email || null,
      source: input.source,
      language: input.language,
      clientKey: source.clientKey,
    });
    q.addSupport(ctx.db, id, supporterKey);
    const token = newManageToken();
    q.addQuestionToken(ctx.db, id, hashToken(token));
    const question = q.getQuestion(ctx.db, id)!;
    queueReceipt(ctx, meeting, question, token);
    return { question, token };
  });
  // Waiting for moderation: nothing the public can see yet.
  questionsChanged(meetingId, "organisers");
  return result;
}

export function findQuestionByToken(db: DB, token: string): Question | undefined {
  if (!isTokenShaped(token)) return undefined;
  return q.getQuestionByTokenHash(db, hashToken(token));
}

/** The question and meeting a private link names, or a private 404. */
export function requireQuestionByToken(
  db: DB,
  token: string,
): { question: Question; meeting: Meeting } {
  const question = findQuestionByToken(db, token);
  if (!question) {
    notFound({ title: "receipt.notFound.title", body: "receipt.notFound.body" }, privateHeaders);
  }
  return { question, meeting: getMeetingById(db, question.meetingId)! };
}

/**
 * The asker may change their words only while nobody has moderated them yet, and while the
 * meeting still takes questions (not once it is over or called off).
 */
export function mayEditOwn(question: Question, meeting: Meeting, now = new Date()): boolean {
  return question.status === "pending" && questionsClosedReason(meeting, now) === null;
}

/** The asker may take a question back until it is rejected, merged or already withdrawn. */
export function mayWithdraw(question: Question): boolean {
  return question.status === "pending" || question.status === "approved";
}

export function editOwnQuestion(db: DB, questionId: number, text: string): Question {
  const updated = immediate(db, () => {
    const current = q.getQuestion(db, questionId);
    if (!current) throw new QuestionError("notFound");
    const meeting = getMeetingById(db, current.meetingId)!;
    if (questionsClosedReason(meeting)) throw new QuestionError("closed");
    if (!mayEditOwn(current, meeting)) throw new QuestionError("notPending");
    q.setQuestionText(db, questionId, text);
    return q.getQuestion(db, questionId)!;
  });
  questionsChanged(updated.meetingId, "organisers");
  return updated;
}

export function withdrawOwnQuestion(db: DB, questionId: number): Question {
  const { before, updated } = immediate(db, () => {
    const current = q.getQuestion(db, questionId);
    if (!current) throw new QuestionError("notFound");
    if (!mayWithdraw(current)) throw new QuestionError("notPending");
    q.setStatus(db, questionId, "withdrawn");
    clearCurrentIf(db, current);
    renumberAgenda(db, current.meetingId);
    return { before: current, updated: q.getQuestion(db, questionId)! };
  });
  questionsChanged(updated.meetingId, audienceOf(before, updated));
  return updated;
}

/**
 * One person's support for an approved question; false when they had supported it already.
 * "One person" is one supporter cookie; the per-IP limit in the route bounds cookie-clearing.
 */
export function supportQuestion(
  db: DB,
  meeting: Meeting,
  questionId: number,
  supporterKey: string,
): boolean {
  const added = immediate(db, () => {
    const question = q.getQuestion(db, questionId);
    if (!question || question.meetingId !== meeting.id) throw new QuestionError("notFound");
    if (question.status !== "approved") throw new QuestionError("notApproved");
    return q.addSupport(db, questionId, supporterKey);
  });
  if (added) questionsChanged(meeting.id);
  return added;
}

// --- Public lists ----------------------------------------------------------------------------

const PAGE_SIZE = 20;

export interface PublicListOptions {
  sort: PublicSort;
  /** Theme choice value ("1".."n", "0" for Annet) or null for all themes. */
  theme: string | null;
  page: number;
  supporterKey: string | null;
}

/** Approved questions grouped by theme (in the meeting's theme order), one page at a time. */
export function publicQuestionList(db: DB, meeting: Meeting, options: PublicListOptions) {
  const choices = meetingThemeChoices(db, meeting);
  const choice =
    options.theme === null ? undefined : choices.find((c) => c.value === options.theme);
  const page = Math.max(1, Math.min(options.page, 1000));
  const { questions, total } = q.pageApproved(db, meeting.id, {
    sort: options.sort,
    theme: choice ? choice.title : undefined,
    limit: page * PAGE_SIZE,
    offset: 0,
  });
  const supported = options.supporterKey
    ? q.supportedBy(
        db,
        questions.map((x) => x.id),
        options.supporterKey,
      )
    : new Set<number>();
  const known = new Set(choices.map((c) => c.title));
  // A theme renamed or removed since the question was sent falls under "Annet".
  const themeOf = (x: Question) => (x.theme !== null && known.has(x.theme) ? x.theme : null);
  const groups = choices
    .map((c) => ({
      value: c.value,
      label: c.label,
      questions: questions
        .filter((x) => themeOf(x) === c.title)
        .map((x) => ({ ...publicQuestion(x), supported: supported.has(x.id) })),
    }))
    .filter((g) => g.questions.length > 0);
  const board = q.getBoard(db, meeting.id);
  const current = board.currentQuestionId ? q.getQuestion(db, board.currentQuestionId) : undefined;
  return {
    groups,
    choices,
    shown: questions.length,
    total,
    page,
    hasMore: questions.length < total,
    sort: options.sort,
    theme: choice?.value ?? null,
    // The board may hold a question from a rehearsal: the panel answers only during the meeting.
    nowAnswering:
      current && current.status === "approved" && meetingPhase(meeting) === "running"
        ? publicQuestion(current)
        : null,
    answersPublished: board.answersPublishedAt !== null,
    summary: board.answersPublishedAt ? board.summary : "",
  };
}

/** What the meeting page shows of questions: the form, the most supported, and what came after. */
export function meetingPageQuestions(db: DB, meeting: Meeting, supporterKey: string | null) {
  const choices = meetingThemeChoices(db, meeting);
  return {
    choices,
    constraint: questionConstraint(),
    subscribeConstraint: subscribeConstraint(),
    closedReason: questionsClosedReason(meeting),
    list: publicQuestionList(db, meeting, { sort: "support", theme: null, page: 1, supporterKey }),
    after: meetingAfterView(db, meeting),
  };
}

// --- Organisers ------------------------------------------------------------------------------

/** A question of this meeting, or 404 (organiser routes). */
export function requireQuestion(db: DB, meeting: Meeting, idParam: unknown): Question {
  const id = Number(idParam);
  const question = Number.isInteger(id) && id > 0 ? q.getQuestion(db, id) : undefined;
  if (!question || question.meetingId !== meeting.id) notFound();
  return question;
}

export function moderationQueue(db: DB, meeting: Meeting, status: QuestionStatus | "all") {
  const questions = q.listQuestions(db, meeting.id, status === "all" ? undefined : status);
  return {
    counts: q.countByStatus(db, meeting.id),
    questions: questions.map((x) => ({ ...x, merged: q.listMergedInto(db, x.id).length })),
    agenda: q.listAgenda(db, meeting.id),
    board: q.getBoard(db, meeting.id),
    choices: meetingThemeChoices(db, meeting),
  };
}

/** For the meeting's dashboard: how many questions wait for moderation. */
export function pendingQuestionCount(db: DB, meeting: Meeting): number {
  return q.countByStatus(db, meeting.id).pending;
}

type Change = (question: Question) => Record<string, unknown> | void;

/** Runs one organiser change on one question, audit-logged, in one transaction. */
function moderate(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  action: string,
  apply: Change,
): Question {
  // Some moderation mails the asker: change() wakes the worker once it has committed.
  const { before, updated } = change(ctx, () => {
    const current = q.getQuestion(ctx.db, questionId);
    if (!current) throw new QuestionError("notFound");
    const details = apply(current) ?? {};
    audit(ctx.db, organiser, `question.${action}`, {
      meetingId: current.meetingId,
      target: `#${current.id}`,
      details: { questionId: current.id, ...details },
    });
    return { before: current, updated: q.getQuestion(ctx.db, questionId)! };
  });
  // A merge moves support to the kept question, which the public may see.
  questionsChanged(
    updated.meetingId,
    action === "merge" ? "everyone" : audienceOf(before, updated),
  );
  return updated;
}

/** Who can see that a question changed: everyone when it is (or was) public. */
function audienceOf(before: Question, after: Question): Audience {
  return before.status === "approved" || after.status === "approved" ? "everyone" : "organisers";
}

export function approveQuestion(ctx: ServiceContext, organiser: Organiser, questionId: number) {
  return moderate(ctx, organiser, questionId, "approve", (current) => {
    if (current.status === "merged" || current.status === "withdrawn")
      throw new QuestionError("notPending");
    if (current.status === "approved") return;
    q.setStatus(ctx.db, current.id, "approved");
    appendToAgenda(ctx.db, current);
    return { from: current.status };
  });
}

export function rejectQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  reason: string | null,
) {
  return moderate(ctx, organiser, questionId, "reject", (current) => {
    if (current.status === "merged" || current.status === "withdrawn")
      throw new QuestionError("notPending");
    q.setStatus(ctx.db, current.id, "rejected", { rejectReason: reason });
    clearCurrentIf(ctx.db, current);
    renumberAgenda(ctx.db, current.meetingId);
    return { from: current.status, reason };
  });
}

/** New public wording; the asker's original stays, for organisers only. */
export function rewordQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  publicText: string,
) {
  return moderate(ctx, organiser, questionId, "reword", (current) => {
    const wording = publicText === current.originalText ? null : publicText;
    q.setPublicText(ctx.db, current.id, wording);
    return { before: current.publicText, after: wording };
  });
}

export function changeTheme(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
  questionId: number,
  themeValue: string,
) {
  const choice = meetingThemeChoices(ctx.db, meeting).find((c) => c.value === themeValue);
  if (!choice) throw new QuestionError("notFound");
  return moderate(ctx, organiser, questionId, "theme", (current) => {
    q.setTheme(ctx.db, current.id, choice.title);
    return { before: current.theme, after: choice.title };
  });
}

export function starQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  starred: boolean,
) {
  return moderate(ctx, organiser, questionId, starred ? "star" : "unstar", (current) => {
    q.setStarred(ctx.db, current.id, starred);
  });
}

export function markQuestionAnswered(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  answered: boolean,
) {
  return moderate(ctx, organiser, questionId, answered ? "answered" : "unanswered", (current) => {
    q.markAnswered(ctx.db, current.id, answered);
  });
}

export function answerQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  answer: string | null,
) {
  return moderate(ctx, organiser, questionId, "answer", (current) => {
    q.setAnswer(ctx.db, current.id, answer);
    return { length: answer?.length ?? 0 };
  });
}

/**
 * Merges a duplicate into the question kept: support moves over (a person who supported both
 * counts once), the duplicate points to the kept one, anything merged into the duplicate
 * earlier follows, and the duplicate's asker is told by mail where their question went.
 */
export function mergeQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  duplicateId: number,
  keptId: number,
) {
  return moderate(ctx, organiser, duplicateId, "merge", (duplicate) => {
    const kept = q.getQuestion(ctx.db, keptId);
    if (
      !kept ||
      kept.id === duplicate.id ||
      kept.meetingId !== duplicate.meetingId ||
      !["pending", "approved"].includes(kept.status) ||
      !["pending", "approved"].includes(duplicate.status)
    ) {
      throw new QuestionError("badMerge");
    }
    q.moveSupports(ctx.db, duplicate.id, kept.id);
    for (const earlier of q.listMergedInto(ctx.db, duplicate.id)) {
      q.setStatus(ctx.db, earlier.id, "merged", { mergedInto: kept.id });
    }
    q.setStatus(ctx.db, duplicate.id, "merged", { mergedInto: kept.id });
    clearCurrentIf(ctx.db, duplicate);
    renumberAgenda(ctx.db, duplicate.meetingId);
    queueNotice(ctx, getMeetingById(ctx.db, duplicate.meetingId)!, duplicate, "merged", kept);
    return { into: kept.id };
  });
}

/** Moves an approved question one step up or down the panel's order. */
export function moveInAgenda(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  direction: "up" | "down",
) {
  return moderate(ctx, organiser, questionId, "move", (current) => {
    if (current.status !== "approved") throw new QuestionError("notApproved");
    const order = q.listAgenda(ctx.db, current.meetingId).map((x) => x.id);
    const at = order.indexOf(current.id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return { direction, moved: false };
    [order[at], order[to]] = [order[to]!, order[at]!];
    order.forEach((id, i) => q.setAgendaPosition(ctx.db, id, i + 1));
    q.markAgendaOrdered(ctx.db, current.meetingId);
    return { direction, position: to + 1 };
  });
}

/** The whole order at once (drag and drop); ids not approved for this meeting are ignored. */
export function reorderAgenda(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  ids: number[],
) {
  immediate(ctx.db, () => {
    const approved = q.listAgenda(ctx.db, meetingId).map((x) => x.id);
    const wanted = ids.filter((id, i) => approved.includes(id) && ids.indexOf(id) === i);
    const rest = approved.filter((id) => !wanted.includes(id));
    [...wanted, ...rest].forEach((id, i) => q.setAgendaPosition(ctx.db, id, i + 1));
    q.markAgendaOrdered(ctx.db, meetingId);
    audit(ctx.db, organiser, "question.reorder", {
      meetingId,
      details: { order: [...wanted, ...rest] },
    });
  });
  questionsChanged(meetingId);
}

// --- The hall --------------------------------------------------------------------------------

/** What the screen in the hall shows: public questions only, nothing about moderation. */
export function presenterView(db: DB, meeting: Meeting) {
  const agenda = q.listAgenda(db, meeting.id);
  const board = q.getBoard(db, meeting.id);
  const index = agenda.findIndex((x) => x.id === board.currentQuestionId);
  return {
    phase: meetingPhase(meeting),
    agenda: agenda.map(publicQuestion),
    index,
    current: index >= 0 ? publicQuestion(agenda[index]!) : null,
  };
}

/** The operator's view of the screen: what it shows, what comes next, what waits. */
export function screenControlView(db: DB, meeting: Meeting) {
  const view = presenterView(db, meeting);
  return {
    ...view,
    next: view.agenda[view.index + 1] ?? null,
    pending: q.countByStatus(db, meeting.id).pending,
  };
}

export type PresentStep = "next" | "previous" | "clear" | { questionId: number };

/** The step a projector or control form asks for, or null for an unknown intent. */
export function presentStepFrom(formData: FormData): PresentStep | null {
  const intent = formData.get("intent");
  if (intent === "next" || intent === "previous" || intent === "clear") return intent;
  const questionId = Number(formData.get("questionId"));
  if (intent === "show" && Number.isInteger(questionId) && questionId > 0) return { questionId };
  return null;
}

/** Next, previous, a given question, or nothing on the screen ("now answering"). */
export function present(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
  step: PresentStep,
) {
  const result = immediate(ctx.db, () => {
    const agenda = q.listAgenda(ctx.db, meeting.id);
    const board = q.getBoard(ctx.db, meeting.id);
    const at = agenda.findIndex((x) => x.id === board.currentQuestionId);
    let next: Question | undefined;
    if (step === "next") next = agenda[at + 1] ?? agenda[at];
    else if (step === "previous") next = at <= 0 ? agenda[0] : agenda[at - 1];
    else if (step !== "clear") next = agenda.find((x) => x.id === step.questionId);
    q.setCurrentQuestion(ctx.db, meeting.id, next?.id ?? null);
    audit(ctx.db, organiser, "question.present", {
      meetingId: meeting.id,
      target: next ? `#${next.id}` : null,
      details: { step: typeof step === "string" ? step : "choose" },
    });
    return next ?? null;
  });
  questionsChanged(meeting.id);
  return result;
}

// --- After the meeting ----------------------------------------------------------------------

export function saveSummary(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
  summary: string,
) {
  immediate(ctx.db, () => {
    q.setSummary(ctx.db, meeting.id, summary);
    audit(ctx.db, organiser, "question.summary", {
      meetingId: meeting.id,
      details: { length: summary.length },
    });
  });
  questionsChanged(meeting.id);
}

/**
 * Publishes the written answers and the summary on the meeting page, and queues one notice
 * for each asker with an email whose question (or a question theirs was merged into) is now
 * answered. A question is noticed once: publishing again only tells newly answered askers.
 */
export function publishAnswers(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
): number {
  let notices = 0;
  change(ctx, () => {
    q.setAnswersPublished(ctx.db, meeting.id, true);
    for (const kept of q.listAgenda(ctx.db, meeting.id)) {
      if (kept.answeredAt === null) continue;
      for (const asked of [kept, ...q.listMergedInto(ctx.db, kept.id)]) {
        if (asked.notifiedAt !== null) continue;
        q.markNotified(ctx.db, asked.id);
        if (queueNotice(ctx, meeting, asked, "answered", kept)) notices++;
      }
    }
    audit(ctx.db, organiser, "question.publishAnswers", {
      meetingId: meeting.id,
      details: { notices },
    });
  });
  questionsChanged(meeting.id);
  return notices;
}

export function unpublishAnswers(ctx: ServiceContext, organiser: Organiser, meeting: Meeting) {
  immediate(ctx.db, () => {
    q.setAnswersPublished(ctx.db, meeting.id, false);
    audit(ctx.db, organiser, "question.unpublishAnswers", { meetingId: meeting.id });
  });
  questionsChanged(meeting.id);
}

// ---------------------------------------------------------------------------------------------

function appendToAgenda(db: DB, question: Question) {
  const last = q.listAgenda(db, question.meetingId).filter((x) => x.agendaPosition !== null);
  const max = last.reduce((m, x) => Math.max(m, x.agendaPosition ?? 0), 0);
  q.setAgendaPosition(db, question.id, max + 1);
  renumberAgenda(db, question.meetingId);
}

/** Keeps the panel's order 1..n without gaps after a question leaves it. */
function renumberAgenda(db: DB, meetingId: number) {
  q.listAgenda(db, meetingId).forEach((x, i) => q.setAgendaPosition(db, x.id, i + 1));
}

function clearCurrentIf(db: DB, question: Question) {
  if (q.getBoard(db, question.meetingId).currentQuestionId === question.id) {
    q.setCurrentQuestion(db, question.meetingId, null);
  }
}

/**
 * The receipt for an asker who gave an address: what they wrote and the private link (status,
 * edit, withdraw), in the language they asked in. The mail is theirs, so their erasure takes it.
 */
function queueReceipt(ctx: ServiceContext, meeting: Meeting, asker: Question, token: string) {
  if (!asker.askerEmail) return;
  const payload: QuestionReceiptProps = {
    language: asker.language,
    meetingTitle: meeting.title,
    question: asker.originalText,
    receiptUrl: linkInLanguage(receiptUrl(ctx, token), asker.language),
    retentionDays: ctx.retentionDays,
  };
  queueMail(ctx.db, "question-receipt", payload, {
    toAddress: asker.askerEmail,
    toName: asker.askerName,
    purpose: "other",
    meetingId: meeting.id,
    owner: { questionId: asker.id },
  });
}

/**
 * Tells an asker who gave an address what became of their question: answered, or merged into
 * `kept` (the notice points there). The mail is theirs. False when there is no address.
 */
function queueNotice(
  ctx: ServiceContext,
  meeting: Meeting,
  asker: Question,
  kind: "answered" | "merged",
  kept: Question,
): boolean {
  if (!asker.askerEmail) return false;
  const payload: QuestionNoticeProps = {
    language: asker.language,
    kind,
    meetingTitle: meeting.title,
    question: kept.publicText ?? kept.originalText,
    answer: kind === "answered" ? kept.answer : null,
    url: linkInLanguage(`${questionsUrl(ctx, meeting)}#question-${kept.id}`, asker.language),
  };
  queueMail(ctx.db, "question-notice", payload, {
    toAddress: asker.askerEmail,
    toName: asker.askerName,
    purpose: "other",
    meetingId: meeting.id,
    owner: { questionId: asker.id },
  });
  return true;
}
