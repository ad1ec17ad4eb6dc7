/**
 * The hall during the meeting: what the projector shows (public questions only), the operator's
 * view of it, and stepping through the panel's agenda.
 */
import { immediate, type DB } from "../../db/connection";
import { type Meeting } from "../../db/meetings";
import { meetingPhase } from "../meetings/phase";
import type { Organiser } from "../../db/organisers";
import * as q from "../../db/questions";
import type { Question } from "../../db/questions";
import { audit } from "../platform/audit.server";
import { type ServiceContext } from "../platform/service.server";
import { idField, readIntent } from "../platform/intent.server";
import { z } from "../platform/zod";
import { questionsChanged } from "./live.server";
import { publicQuestion } from "./questions.server";

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

/** The projector's and the control view's buttons. */
const presentIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["next", "previous", "clear"]) }),
  z.object({ intent: z.literal("show"), questionId: idField }),
]);

/** The step a projector or control form asks for; a Refusal 400 for anything else. */
export function presentStepFrom(formData: FormData): PresentStep {
  const form = readIntent(formData, presentIntents);
  return form.intent === "show" ? { questionId: form.questionId } : form.intent;
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
