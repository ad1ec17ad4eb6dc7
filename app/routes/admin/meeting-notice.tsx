import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, Link } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { ErrorSummary } from "~/components/error-summary";
import { ActionError } from "~/components/intent-forms";
import { formErrors, TextAreaField } from "~/components/fields";
import { PendingChanges } from "~/components/pending-changes";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { callSchema, noticeSchema } from "~/notices/forms";
import { markCalled, noticeCalls } from "~/notices/notice-calls.server";
import { noticePreview, sendChangeNotice } from "~/notices/notices.server";
import { NoticeCallList } from "~/components/notice-calls";
import { Refusal, replyWithRefusal } from "~/platform/refusal.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import type { Route } from "./+types/meeting-notice";

export function meta() {
  return [{ title: adminTitle(translator()("notice.title")) }];
}

async function view(meetingId: string | undefined, message: string | null) {
  const { db, service } = services();
  const preview = await noticePreview(service, requireMeeting(db, meetingId), message);
  return {
    meeting: { id: preview.meeting.id, title: preview.meeting.title },
    pending: preview.pending.map((c) => ({
      id: c.id,
      at: c.at,
      kind: c.kind,
      before: c.before,
      after: c.after,
    })),
    upToId: Math.max(0, ...preview.pending.map((c) => c.id)),
    hasNotice: preview.notice !== null,
    recipients: preview.recipients,
    sample: preview.sample,
    calls: noticeCalls(db, preview.meeting),
  };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  return view(params.id, null);
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  const call = callSchema.safeParse(Object.fromEntries(formData));
  if (call.success) {
    // From the phone list on this page or on the dashboard.
    const { registrationId, changeId, intent, back } = call.data;
    try {
      markCalled(db, organiser, meeting, { registrationId, changeId, called: intent === "called" });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return data({ result: null, preview: null, error: error.message }, { status: error.status });
    }
    const page =
      back === "dashboard"
        ? href("/admin/meetings/:id", { id: String(meeting.id) })
        : href("/admin/meetings/:id/notice", { id: String(meeting.id) });
    const done = intent === "called" ? "called" : "uncalled";
    return redirect(`${page}?${done}=${registrationId}#calls`);
  }
  const submission = parseWithZod(formData, { schema: noticeSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), preview: null }, { status: 400 });
  }
  const { intent, upToId, message } = submission.value;
  if (intent === "preview") {
    // Shows the mail with the organiser's words in it; nothing is stored or sent.
    return { result: submission.reply(), preview: await view(params.id, message ?? null) };
  }
  try {
    const { sent } = sendChangeNotice(service, organiser, meeting.id, {
      upToId,
      message: message ?? null,
    });
    return redirect(`${href("/admin/meetings/:id", { id: String(meeting.id) })}?notified=${sent}`);
  } catch (error) {
    return replyWithRefusal(submission, error);
  }
}

export default function MeetingNotice({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const shown = (actionData && "preview" in actionData ? actionData.preview : null) ?? loaderData;
  const [form, fields] = useForm({
    id: "notice-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noticeSchema }),
    shouldValidate: "onBlur",
  });
  const id = String(loaderData.meeting.id);
  const calls =
    loaderData.calls.length > 0 ? (
      <NoticeCallList meetingId={loaderData.meeting.id} calls={loaderData.calls} back="notice" />
    ) : null;
  return (
    <>
      <h1>{t("notice.title")}</h1>
      <p className="lead">{loaderData.meeting.title}</p>
      <ActionError error={actionData && "error" in actionData ? actionData.error : undefined} />
      {loaderData.pending.length === 0 ? (
        <>
          <p>
            {t("notice.nothing")}{" "}
            <Link to={href("/admin/meetings/:id", { id })}>{t("dashboard.title")}</Link>
          </p>
          {calls}
        </>
      ) : (
        <>
          <p>{t("notice.lead")}</p>
          <PendingChanges changes={loaderData.pending} id="pending-changes" />
          {loaderData.hasNotice ? (
            <>
              <p id="recipient-count">
                <strong>{t("notice.recipients", { count: loaderData.recipients.total })}</strong>
              </p>
              <p>
                {t("notice.recipientsSplit", {
                  confirmed: loaderData.recipients.confirmed,
                  waitlisted: loaderData.recipients.waitlisted,
                })}
              </p>
            </>
          ) : (
            <p>{t("notice.nothingToSay")}</p>
          )}
          {calls}
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary errors={formErrors(form)} t={t} />
            <input type="hidden" name="upToId" value={loaderData.upToId} />
            {loaderData.hasNotice ? (
              <TextAreaField
                field={fields.message}
                label={t("notice.message")}
                hint={t("notice.messageHint")}
                t={t}
                rows={5}
              />
            ) : null}
            <div className="button-row">
              {loaderData.hasNotice ? (
                <button
                  type="submit"
                  name="intent"
                  value="preview"
                  className="button button-secondary"
                >
                  {t("notice.previewButton")}
                </button>
              ) : null}
              <button type="submit" name="intent" value="send" className="button">
                {loaderData.hasNotice ? t("notice.send") : t("notice.markHandled")}
              </button>
            </div>
          </Form>
          {shown.sample ? (
            <section aria-labelledby="preview-heading">
              <h2 id="preview-heading">{t("notice.previewHeading")}</h2>
              <p id="preview-subject">{t("notice.subject", { subject: shown.sample.subject })}</p>
              {/* The plain-text part, as the mail's HTML would need inline styles the page's
                  Content-Security-Policy refuses (and a srcdoc frame inherits that policy). */}
              <pre
                id="preview-text"
                className="mail-preview"
                tabIndex={0}
                role="region"
                aria-label={t("notice.previewFrame")}
              >
                {shown.sample.text}
              </pre>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
