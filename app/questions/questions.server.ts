/**
 * Citizens' questions: the rules for sending, editing and withdrawing a question through its
 * private link and supporting one ("Jeg lurer også på dette"), when a meeting takes questions,
 * its themes, what the public sees of a question, and the agenda's order kept without gaps.
 * Every change runs in one BEGIN IMMEDIATE transaction with its audit entry and any mail it
 * queues, then tells open pages (live.server.ts) that the meeting's questions changed.
 *
 * Neighbouring modules: moderation.server.ts (the organisers' queue and changes), hall.server.ts
 * (the projector), answers.server.ts (summary and published answers), public-list.server.ts
 * (the public lists), question-mail.server.ts (receipts and notices), forms.ts (zod),
 * subscriptions.server.ts ("Hold meg oppdatert om saken"), after.server.ts (the page after the
 * meeting and PDFs), exports.server.ts (panel lists), live.server.ts (server-sent events).
 */
import type { PageLanguage } from "../i18n";
import { href } from "react-router";
import { immediate, type DB } from "../../db/connection";
import { getMeetingById, getThemes, type Meeting } from "../../db/meetings";
import { meetingPhase } from "../meetings/phase";
import * as q from "../../db/questions";
import type { Question, PublicSort } from "../../db/questions";
import { hashToken, isTokenShaped, newManageToken } from "../platform/tokens.server";
import { Refusal, notFound } from "../platform/refusal.server";
import { privateHeaders } from "../platform/private-page";
import { change, type ServiceContext } from "../platform/service.server";
import { absoluteUrl } from "../platform/paths";
import { themeChoices } from "./forms";
import type { ThemeChoice } from "./limits";
import { questionsChanged, type Audience } from "./live.server";
import { queueReceipt } from "./question-mail.server";
import { findPersonalData, healthWords } from "./privacy-guard";
import type { Finding } from "./findings";

export type { PublicSort };

export type QuestionErrorCode =
  | "closed"
  | "notPending"
  | "notFound"
  | "badMerge"
  | "notApproved"
  | "pendingLimit"
  | "privateNeedsEmail"
  | "private"
  | "privacyUnconfirmed"
  | "privacyWarning"
  | "rejectCategory";

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

/** The form's hidden source (or the page's `?from=`): hall and online, else the web form. */
export function questionSourceFrom(value: unknown): q.QuestionSource {
  return value === "hall" || value === "online" ? value : "web";
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
export function publicQuestion(question: Question) {
  return {
    id: question.id,
    theme: question.theme,
    text: question.publicText ?? question.originalText,
    askerName: question.showName && question.askerName ? question.askerName : null,
    supportCount: question.supportCount,
    answer: question.answer,
    answered: question.answeredAt !== null,
    createdAt: question.createdAt,
    /** Asked by someone following online: marked "digital" in the hall as in the queue. */
    digital: question.source === "online",
  };
}

/** What the privacy guard finds in a text written for this meeting (its own health words). */
export function privacyFindings(db: DB, meetingId: number, text: string): Finding[] {
  return findPersonalData(text, healthWords(q.getQuestionSettings(db, meetingId).privacyWords));
}

/** The meeting's words for the guard in the browser: its own list, or the default. */
export function meetingHealthWords(db: DB, meetingId: number): string[] {
  return healthWords(q.getQuestionSettings(db, meetingId).privacyWords);
}

/** The meeting's own moderation criteria, or "" for the default text in the reader's language. */
export function moderationCriteria(db: DB, meetingId: number): string {
  return q.getQuestionSettings(db, meetingId).moderationCriteria;
}

// --- Citizens --------------------------------------------------------------------------------

export interface AskInput {
  themeValue: string;
  text: string;
  name: string | null;
  showName: boolean;
  email: string | null;
  source: q.QuestionSource;
  /** The page's language; mail to the asker is sent in it. */
  language?: PageLanguage;
  /** Sent privately to the municipality: an address is then required. */
  private?: boolean;
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
 * transaction. A private question is answered by mail, so it needs an address.
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
    if (input.private && !input.email) throw new QuestionError("privateNeedsEmail");
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
      private: input.private ?? false,
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

export function appendToAgenda(db: DB, question: Question) {
  const last = q.listAgenda(db, question.meetingId).filter((x) => x.agendaPosition !== null);
  const max = last.reduce((m, x) => Math.max(m, x.agendaPosition ?? 0), 0);
  q.setAgendaPosition(db, question.id, max + 1);
  renumberAgenda(db, question.meetingId);
}

/** Keeps the panel's order 1..n without gaps after a question leaves it. */
export function renumberAgenda(db: DB, meetingId: number) {
  q.listAgenda(db, meetingId).forEach((x, i) => q.setAgendaPosition(db, x.id, i + 1));
}

export function clearCurrentIf(db: DB, question: Question) {
  if (q.getBoard(db, question.meetingId).currentQuestionId === question.id) {
    q.setCurrentQuestion(db, question.meetingId, null);
  }
}

/** Who can see that a question changed: everyone when it is (or was) public. */
export function audienceOf(before: Question, after: Question): Audience {
  return before.status === "approved" || after.status === "approved" ? "everyone" : "organisers";
}
