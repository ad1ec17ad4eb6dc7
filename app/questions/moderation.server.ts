/**
 * The organisers' moderation: the queue and its counts, and each change to a question (approve,
 * reject, reword, theme, star, answer, merge, the panel's order), audit-logged in one
 * transaction that also queues any mail to the asker.
 */
import { immediate, type DB } from "../../db/connection";
import { getMeetingById, type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import * as q from "../../db/questions";
import type { Question, QuestionStatus } from "../../db/questions";
import { audit } from "../platform/audit.server";
import { notFound } from "../platform/refusal.server";
import { change, type ServiceContext } from "../platform/service.server";
import { idField } from "../platform/intent.server";
import { z } from "../platform/zod";
import { questionsChanged } from "./live.server";
import {
  appendToAgenda,
  audienceOf,
  clearCurrentIf,
  meetingThemeChoices,
  QuestionError,
  renumberAgenda,
} from "./questions.server";
import { queueNotice } from "./question-mail.server";

/** The moderation queue's buttons (readIntent in app/platform/intent.server.ts). */
export const moderationIntents = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("reorder"),
    // The panel's order as a comma-separated list of ids (the drag-and-drop list posts it).
    order: z
      .string()
      .max(20_000)
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map(Number)
          .filter((n) => Number.isInteger(n) && n > 0),
      ),
  }),
  z.object({
    intent: z.literal("reject"),
    questionId: idField,
    reason: z
      .string()
      .default("")
      .transform((v) => v.trim().slice(0, 500)),
  }),
  z.object({
    intent: z.enum(["approve", "star", "unstar", "answered", "unanswered", "up", "down", "show"]),
    questionId: idField,
  }),
]);

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
