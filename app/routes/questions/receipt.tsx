import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, Link } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { ErrorSummary, type SummaryError } from "~/components/error-summary";
import { supportCountText } from "~/components/question-list";
import { CountedTextarea } from "~/components/question-form";
import { ActionError } from "~/components/intent-forms";
import { privatePageMeta } from "~/platform/private-page";
import { metaT, useT } from "~/i18n/react";
import { admitPublicPost } from "~/meetings/crowd.server";
import { services } from "~/platform/context.server";
import { editOwnConstraint, editOwnSchema } from "~/questions/forms";
import type { FormConstraint } from "~/questions/limits";
import { readForm } from "~/platform/forms.server";
import {
  editOwnQuestion,
  mayEditOwn,
  mayWithdraw,
  QuestionError,
  requireQuestionByToken,
  withdrawOwnQuestion,
} from "~/questions/questions.server";
import { receiptUrl } from "~/questions/question-mail.server";
import { privateHeaders } from "~/platform/private-page";
import { phaseView } from "~/questions/after.server";
import { PhaseNote } from "~/components/meeting-phase";
import type { Route } from "./+types/receipt";
import { refusalInit } from "~/platform/refusal.server";

export function meta({ data, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [
    { title: data ? `${t("receipt.title")} – ${data.meeting.title}` : t("receipt.notFound.title") },
    ...privatePageMeta,
  ];
}

export function headers() {
  return privateHeaders;
}

const requireByToken = (token: string) => requireQuestionByToken(services().db, token);

export function loader({ params, request }: Route.LoaderArgs) {
  const { db, service } = services();
  const { question, meeting } = requireByToken(params.token);
  const search = new URL(request.url).searchParams;
  const banner = search.has("sent")
    ? ("sent" as const)
    : search.has("saved")
      ? ("saved" as const)
      : search.has("withdrawn")
        ? ("withdrawn" as const)
        : null;
  return data(
    {
      meeting: { title: meeting.title, slug: meeting.slug },
      question: {
        status: question.status,
        theme: question.theme,
        originalText: question.originalText,
        publicText: question.publicText,
        answer: question.answer,
        supportCount: question.supportCount,
        mergedInto: question.mergedInto,
        private: question.private,
        rejectCategory: question.rejectCategory,
      },
      state: phaseView(db, meeting),
      mayEdit: mayEditOwn(question, meeting),
      editConstraint: editOwnConstraint(),
      mayWithdraw: mayWithdraw(question),
      link: receiptUrl(service, params.token),
      banner,
      // The receipt mail (question-mail.server.ts) went to the address the asker gave.
      mailed: banner === "sent" && question.askerEmail !== null,
    },
    { headers: privateHeaders },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = services();
  const { question, meeting } = requireByToken(params.token);
  const formData = await readForm(request);
  const { refusal } = await admitPublicPost("question", { request, context, meeting });
  if (refusal) {
    return data({ result: null, error: refusal.message }, refusalInit(refusal));
  }
  const intent = formData.get("intent");
  try {
    if (intent === "edit") {
      const submission = parseWithZod(formData, { schema: editOwnSchema });
      if (submission.status !== "success")
        return data({ result: submission.reply(), error: null }, { status: 400 });
      editOwnQuestion(db, question.id, submission.value.text);
      return redirect(`${href("/question/:token", { token: params.token })}?saved=1`, {
        headers: privateHeaders,
      });
    }
    if (intent === "withdraw") {
      if (formData.get("confirm") !== "yes") {
        return data({ result: null, error: "receipt.withdrawNotConfirmed" }, { status: 400 });
      }
      withdrawOwnQuestion(db, question.id);
      return redirect(`${href("/question/:token", { token: params.token })}?withdrawn=1`, {
        headers: privateHeaders,
      });
    }
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    return data({ result: null, error: `error.question.${error.code}` }, { status: 400 });
  }
  return data({ result: null, error: "error.intent.unknown" }, { status: 400 });
}

export default function Receipt({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const { meeting, question, banner, link, state } = loaderData;
  return (
    <article className="narrow">
      <h1>{t("receipt.title")}</h1>
      {banner ? (
        <p className="notice notice-success" role="status">
          {t(`receipt.${banner}`)}
          {loaderData.mailed ? <> {t("receipt.mailed")}</> : null}
        </p>
      ) : null}
      <ActionError error={actionData?.error} />
      <PhaseNote state={state} reader="asker" t={t} />
      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading" className="visually-hidden">
          {t("receipt.status")}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("receipt.meeting")}</dt>
            <dd>
              {/* A meeting taken down again has no public page to go to. */}
              {state.phase === "draft" ? (
                meeting.title
              ) : (
                <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{meeting.title}</Link>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("receipt.status")}</dt>
            <dd id="question-status">
              {question.private && question.status === "pending"
                ? t(question.answer ? "receipt.status.privateAnswered" : "receipt.status.private")
                : t(`receipt.status.${question.status}`)}
            </dd>
          </div>
          <div>
            <dt>{t("receipt.theme")}</dt>
            <dd>{question.theme ?? t("questions.other")}</dd>
          </div>
          <div>
            <dt>{t("receipt.yourText")}</dt>
            <dd id="question-text" className="question-text">
              {question.originalText}
            </dd>
          </div>
          {question.publicText && question.status === "approved" ? (
            <div>
              <dt>{t("receipt.publicText")}</dt>
              <dd className="question-text">{question.publicText}</dd>
            </div>
          ) : null}
          {question.status === "approved" ? (
            <div>
              <dt>{t("receipt.support")}</dt>
              <dd>{supportCountText(t, question.supportCount)}</dd>
            </div>
          ) : null}
          {question.answer && (question.status === "approved" || question.private) ? (
            <div>
              <dt>{t("receipt.answer")}</dt>
              <dd className="question-text" id="question-answer">
                {question.answer}
              </dd>
            </div>
          ) : null}
          {question.status === "rejected" ? (
            <div>
              <dt>{t("receipt.reason")}</dt>
              <dd id="question-reason">
                {t(`moderation.reason.${question.rejectCategory ?? "other"}`)}
              </dd>
            </div>
          ) : null}
        </dl>
        {question.private ? <p id="private-note">{t("receipt.privateText")}</p> : null}
        {question.status === "rejected" ? <p>{t("receipt.rejectedText")}</p> : null}
        {question.status === "merged" && question.mergedInto ? (
          <p>
            <Link
              to={`${href("/meetings/:slug/questions", { slug: meeting.slug })}#question-${question.mergedInto}`}
            >
              {t("receipt.mergedLink")}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="link-heading">
        <h2 id="link-heading">{t("receipt.linkHeading")}</h2>
        <p id="receipt-link-help">{t("receipt.linkText")}</p>
        <p>
          <a id="receipt-link" href={link} aria-describedby="receipt-link-help">
            {link}
          </a>
        </p>
      </section>

      {loaderData.mayEdit ? (
        <EditForm
          text={question.originalText}
          constraint={loaderData.editConstraint}
          lastResult={actionData?.result ?? undefined}
        />
      ) : null}

      {loaderData.mayWithdraw ? (
        <section aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t("receipt.withdrawHeading")}</h2>
          <p>{t("receipt.withdrawText")}</p>
          <Form method="post">
            <div className="field checkbox">
              <input type="checkbox" id="withdraw-confirm" name="confirm" value="yes" />
              <label htmlFor="withdraw-confirm">{t("receipt.withdrawConfirm")}</label>
            </div>
            <button type="submit" name="intent" value="withdraw" className="button button-danger">
              {t("receipt.withdrawSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <p>
        <Link id="own-data-link" to={href("/question/:token/data", { token: params.token })}>
          {t("ownData.link")}
        </Link>
      </p>

      {state.phase === "draft" ? null : (
        <p>
          <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{t("receipt.back")}</Link>
        </p>
      )}
    </article>
  );
}

function EditForm({
  text,
  constraint,
  lastResult,
}: {
  text: string;
  constraint: FormConstraint;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm<{ text: string }>({
    id: "edit-question",
    lastResult,
    defaultValue: { text },
    constraint,
  });
  const errors: SummaryError[] = [
    ...(form.errors ?? []).map((message) => ({ fieldId: null, message })),
    ...(fields.text.errors ?? []).map((message) => ({ fieldId: fields.text.id, message })),
  ];
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t("receipt.editHeading")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={errors} t={t} />
        <CountedTextarea field={fields.text} t={t} />
        <button type="submit" name="intent" value="edit" className="button">
          {t("receipt.editSubmit")}
        </button>
      </Form>
    </section>
  );
}
