import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, Link, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { IntentError, TextIntentForm } from "~/components/intent-forms";
import { adminTitle } from "~/auth/admin-title";
import { translateError, translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { answerSchema, mergeSchema, wordingSchema } from "~/questions/forms";
import { readForm } from "~/platform/forms.server";
import { meetingThemeChoices, QuestionError } from "~/questions/questions.server";
import {
  answerQuestion,
  changeTheme,
  mergeQuestion,
  moderationQueue,
  requireQuestion,
  rewordQuestion,
} from "~/questions/moderation.server";
import type { Route } from "./+types/question-edit";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [{ title: adminTitle(t("aq.editTitle", { id: data?.question.id ?? "" })) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const question = requireQuestion(db, meeting, params.questionId);
  const queue = moderationQueue(db, meeting, "all");
  return {
    meeting: { id: meeting.id, title: meeting.title },
    question,
    choices: meetingThemeChoices(db, meeting),
    // Questions this one can be merged into: other live questions of the meeting.
    targets: queue.questions
      .filter((q) => q.id !== question.id && (q.status === "pending" || q.status === "approved"))
      .map((q) => ({ id: q.id, text: q.publicText ?? q.originalText })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const question = requireQuestion(db, meeting, params.questionId);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const fail = (error: string) => data({ error, field: String(intent) }, { status: 400 });
  try {
    switch (intent) {
      case "reword": {
        const submission = parseWithZod(formData, { schema: wordingSchema });
        if (submission.status !== "success")
          return fail(submission.error?.publicText?.[0] ?? "error.question.required");
        rewordQuestion(service, organiser, question.id, submission.value.publicText);
        break;
      }
      case "theme":
        changeTheme(service, organiser, meeting, question.id, String(formData.get("theme") ?? ""));
        break;
      case "answer": {
        const submission = parseWithZod(formData, { schema: answerSchema });
        if (submission.status !== "success")
          return fail(submission.error?.answer?.[0] ?? "error.question.invalid");
        answerQuestion(service, organiser, question.id, submission.value.answer || null);
        break;
      }
      case "merge": {
        const submission = parseWithZod(formData, { schema: mergeSchema });
        if (submission.status !== "success") return fail("error.question.mergeTarget");
        mergeQuestion(service, organiser, question.id, submission.value.into);
        return redirect(
          `${href("/admin/meetings/:id/questions", { id: String(meeting.id) })}?status=merged&done=merge`,
        );
      }
      default:
        return fail("error.intent.unknown");
    }
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    return fail(`error.question.${error.code}`);
  }
  return redirect(
    `${href("/admin/meetings/:id/questions/:questionId", { id: String(meeting.id), questionId: String(question.id) })}?saved=${String(intent)}`,
  );
}

export default function QuestionEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { meeting, question, choices, targets } = loaderData;
  const id = String(meeting.id);
  const current =
    choices.find((c) => c.title === question.theme) ?? choices.find((c) => c.title === null);
  const error = (field: string) => <IntentError failure={actionData} field={field} />;
  return (
    <>
      <p>
        <Link to={href("/admin/meetings/:id/questions", { id })}>{t("aq.back")}</Link>
      </p>
      <h1>{t("aq.editTitle", { id: question.id })}</h1>
      {params.has("saved") ? (
        <p className="notice notice-success" role="status">
          {t("aq.done")}
        </p>
      ) : null}
      {actionData?.error && actionData.field === "intent" ? (
        <p role="alert">{translateError(t, actionData.error)}</p>
      ) : null}
      <p>
        <strong>{t("receipt.status")}:</strong> {t(`aq.filter.${question.status}`)}
      </p>
      <section aria-labelledby="original-heading" className="card">
        <h2 id="original-heading">{t("aq.original")}</h2>
        <p className="question-text" id="original-text">
          {question.originalText}
        </p>
      </section>

      <TextIntentForm
        intent="reword"
        name="publicText"
        heading={t("aq.reword")}
        hint={t("aq.rewordHint")}
        rows={4}
        defaultValue={question.publicText ?? question.originalText}
        submit={t("aq.rewordSubmit")}
        failure={actionData}
      />

      <Form method="post" className="card">
        <h2>{t("questions.theme")}</h2>
        <div className="field">
          <label htmlFor="theme">{t("questions.theme")}</label>
          <select id="theme" name="theme" defaultValue={current?.value}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          {error("theme")}
        </div>
        <button type="submit" name="intent" value="theme" className="button button-secondary">
          {t("aq.themeSubmit")}
        </button>
      </Form>

      <TextIntentForm
        intent="answer"
        name="answer"
        heading={t("aq.answer")}
        rows={6}
        defaultValue={question.answer ?? ""}
        submit={t("aq.answerSubmit")}
        failure={actionData}
      />

      {targets.length > 0 && (question.status === "pending" || question.status === "approved") ? (
        <Form method="post" className="card">
          <h2>{t("aq.merge")}</h2>
          <p className="hint" id="into-hint">
            {t("aq.mergeHint")}
          </p>
          <div className="field">
            <label htmlFor="into">{t("aq.merge")}</label>
            <select id="into" name="into" aria-describedby="into-hint" defaultValue="">
              <option value="" disabled>
                –
              </option>
              {targets.map((q) => (
                <option key={q.id} value={q.id}>
                  #{q.id}: {q.text.slice(0, 90)}
                </option>
              ))}
            </select>
            {error("merge")}
          </div>
          <button type="submit" name="intent" value="merge" className="button button-secondary">
            {t("aq.mergeSubmit")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
