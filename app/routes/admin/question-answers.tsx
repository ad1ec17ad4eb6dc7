import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, Link, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { IntentError, TextIntentForm } from "~/components/intent-forms";
import { adminTitle } from "~/auth/admin-title";
import { msg, translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import {
  addAttachment,
  attachmentMaxMb,
  listMeetingAttachments,
  removeAttachment,
} from "~/questions/after.server";
import { caseUpdateSchema, summarySchema } from "~/questions/forms";
import { readForm } from "~/platform/forms.server";
import { publishAnswers, saveSummary, unpublishAnswers } from "~/questions/answers.server";
import { moderationQueue } from "~/questions/moderation.server";
import { confirmedCount, postCaseUpdate } from "~/questions/subscriptions.server";
import type { Route } from "./+types/question-answers";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [{ title: adminTitle(t("after.title", { title: data?.meeting.title ?? "" })) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const queue = moderationQueue(db, meeting, "approved");
  return {
    meeting: { id: meeting.id, title: meeting.title, slug: meeting.slug },
    agenda: queue.agenda.map((q) => ({
      id: q.id,
      text: q.publicText ?? q.originalText,
      answer: q.answer,
      answered: q.answeredAt !== null,
    })),
    summary: queue.board.summary,
    published: queue.board.answersPublishedAt !== null,
    attachments: listMeetingAttachments(db, meeting),
    subscribers: confirmedCount(db, meeting),
    maxMb: attachmentMaxMb(),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const fail = (error: string, field: string) => data({ error, field }, { status: 400 });
  const done = (query: string) =>
    redirect(`${href("/admin/meetings/:id/answers", { id: String(meeting.id) })}?${query}`);
  switch (intent) {
    case "summary": {
      const submission = parseWithZod(formData, { schema: summarySchema });
      if (submission.status !== "success")
        return fail(submission.error?.summary?.[0] ?? "error.question.invalid", "summary");
      saveSummary(service, organiser, meeting, submission.value.summary ?? "");
      return done("saved=summary");
    }
    case "publish":
      return done(`published=${publishAnswers(service, organiser, meeting)}`);
    case "unpublish":
      unpublishAnswers(service, organiser, meeting);
      return done("saved=unpublish");
    case "attach": {
      const problem = await addAttachment(db, organiser, meeting, formData.get("file"));
      if (problem) {
        const message =
          problem === "tooLarge"
            ? msg("error.attachment.tooLarge", { mb: attachmentMaxMb() })
            : (`error.attachment.${problem}` as const);
        return fail(message, "attach");
      }
      return done("saved=attach");
    }
    case "detach":
      removeAttachment(db, organiser, meeting, Number(formData.get("attachmentId")));
      return done("saved=detach");
    case "update": {
      const submission = parseWithZod(formData, { schema: caseUpdateSchema });
      if (submission.status !== "success") {
        const first =
          submission.error?.title?.[0] ?? submission.error?.body?.[0] ?? "error.caseUpdate.body";
        return fail(first, "update");
      }
      return done(`sent=${postCaseUpdate(service, organiser, meeting, submission.value)}`);
    }
    default:
      return fail("error.intent.unknown", "intent");
  }
}

export default function Answers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { meeting, agenda, summary, published, attachments, subscribers } = loaderData;
  const id = String(meeting.id);
  const error = (field: string) => <IntentError failure={actionData} field={field} />;
  return (
    <>
      <p>
        <Link to={href("/admin/meetings/:id/questions", { id })}>{t("aq.back")}</Link>
      </p>
      <h1>{t("aq.after")}</h1>
      {params.has("published") ? (
        <p className="notice notice-success" role="status" id="published-notice">
          {t("after.published", { count: Number(params.get("published") ?? 0) })}
        </p>
      ) : null}
      {params.has("sent") ? (
        <p className="notice notice-success" role="status" id="sent-notice">
          {t("after.updateSent", { count: Number(params.get("sent") ?? 0) })}
        </p>
      ) : null}
      {params.has("saved") ? (
        <p className="notice notice-success" role="status">
          {t("aq.done")}
        </p>
      ) : null}
      {error("intent")}

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("after.answersHeading")}</h2>
        {agenda.length === 0 ? (
          <p>{t("after.noAnswers")}</p>
        ) : (
          <ol>
            {agenda.map((q) => (
              <li key={q.id}>
                <p className="question-text">{q.text}</p>
                {q.answer ? <p className="question-text hint">{q.answer}</p> : null}
                <Link
                  to={href("/admin/meetings/:id/questions/:questionId", {
                    id,
                    questionId: String(q.id),
                  })}
                >
                  {t("aq.answer")}
                  <span className="visually-hidden"> #{q.id}</span>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>

      <TextIntentForm
        intent="summary"
        name="summary"
        heading={t("after.summary")}
        hint={t("after.summaryHint")}
        rows={10}
        defaultValue={summary}
        submit={t("after.summarySubmit")}
        failure={actionData}
      />

      <section aria-labelledby="attachments-heading" className="card">
        <h2 id="attachments-heading">{t("after.attachments")}</h2>
        {attachments.length === 0 ? (
          <p>{t("after.noAttachments")}</p>
        ) : (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a
                  href={href("/admin/meetings/:id/attachments/:attachmentId", {
                    id,
                    attachmentId: String(a.id),
                  })}
                  download
                >
                  {a.filename}
                </a>{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="attachmentId" value={a.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="detach"
                    className="button button-small button-danger"
                  >
                    {t("after.attachmentDelete")}
                    <span className="visually-hidden"> {a.filename}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="file">{t("after.attachmentFile", { mb: loaderData.maxMb })}</label>
            <input type="file" id="file" name="file" accept="application/pdf,.pdf" />
            {error("attach")}
          </div>
          <button type="submit" name="intent" value="attach" className="button button-secondary">
            {t("after.attachmentSubmit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="publish-heading" className="card">
        <h2 id="publish-heading">{t("after.publish")}</h2>
        <p>{t("after.publishHint")}</p>
        {published ? <p id="published-state">{t("after.publishedState")}</p> : null}
        <Form method="post" className="button-row">
          <button type="submit" name="intent" value="publish" className="button">
            {t("after.publish")}
          </button>
          {published ? (
            <button
              type="submit"
              name="intent"
              value="unpublish"
              className="button button-secondary"
            >
              {t("after.unpublish")}
            </button>
          ) : null}
        </Form>
      </section>

      <Form method="post" className="card">
        <h2>{t("after.updates")}</h2>
        <p id="subscriber-count">{t("after.subscribers", { count: subscribers })}</p>
        <div className="field">
          <label htmlFor="update-title">{t("after.updateTitle")}</label>
          <input type="text" id="update-title" name="title" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="update-body">{t("after.updateBody")}</label>
          <textarea id="update-body" name="body" rows={6} />
        </div>
        {error("update")}
        <button type="submit" name="intent" value="update" className="button">
          {t("after.updateSubmit")}
        </button>
      </Form>
    </>
  );
}
