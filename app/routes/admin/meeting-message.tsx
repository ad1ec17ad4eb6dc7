import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { ErrorSummary } from "~/components/error-summary";
import { formErrors, TextAreaField, TextField } from "~/components/fields";
import { FieldError } from "~/components/error-summary";
import { telHref } from "~/components/notice-calls";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { messageSchema } from "~/notices/forms";
import { attendeesToTell, sendMessageToAttendees } from "~/notices/notices.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import type { Route } from "./+types/meeting-message";

export function meta() {
  return [{ title: adminTitle(translator()("message.title")) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const everyone = attendeesToTell(db, meeting.id);
  const people = everyone.filter((r) => r.email !== null);
  const confirmed = people.filter((r) => r.status === "confirmed").length;
  return {
    meeting: { id: meeting.id, title: meeting.title },
    counts: { all: people.length, confirmed, waitlisted: people.length - confirmed },
    // Mail does not reach them: the organiser sees whom to phone instead.
    withoutEmail: everyone
      .filter((r) => r.email === null)
      .map((r) => ({
        id: r.id,
        name: r.name,
        phone: r.phone || null,
        partySize: r.partySize,
        status: r.status === "waitlisted" ? ("waitlisted" as const) : ("confirmed" as const),
      })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const submission = parseWithZod(await readForm(request), { schema: messageSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { sent } = sendMessageToAttendees(service, organiser, meeting.id, submission.value);
  return redirect(`${href("/admin/meetings/:id", { id: String(meeting.id) })}?messaged=${sent}`);
}

const audiences = ["all", "confirmed", "waitlisted"] as const;

export default function MeetingMessage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useForm({
    id: "message-form",
    lastResult: actionData?.result,
    defaultValue: { audience: "all" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>{t("message.title")}</h1>
      <p className="lead">{loaderData.meeting.title}</p>
      <p>{t("message.lead")}</p>
      {loaderData.withoutEmail.length > 0 ? (
        <section aria-labelledby="no-email-heading" className="card" id="no-email">
          <h2 id="no-email-heading">{t("calls.heading")}</h2>
          <p>{t("message.noEmail", { count: loaderData.withoutEmail.length })}</p>
          <ul className="call-list">
            {loaderData.withoutEmail.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> ({t("checkin.persons", { count: p.partySize })},{" "}
                {t(`calls.status.${p.status}`)}):{" "}
                {p.phone ? <a href={telHref(p.phone)}>{p.phone}</a> : t("calls.noContact")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary errors={formErrors(form)} t={t} />
        <fieldset className="field" aria-describedby={fields.audience.errorId}>
          <legend>{t("message.audience")}</legend>
          {audiences.map((a) => (
            <div className="checkbox" key={a}>
              <input
                {...getInputProps(fields.audience, { type: "radio", value: a })}
                id={`audience-${a}`}
                key={`${fields.audience.key}-${a}`}
              />
              <label htmlFor={`audience-${a}`}>
                {t(`message.audience.${a}`)} ({loaderData.counts[a]})
              </label>
            </div>
          ))}
          <FieldError id={fields.audience.errorId} errors={fields.audience.errors} t={t} />
        </fieldset>
        <TextField field={fields.subject} label={t("message.subject")} t={t} />
        <TextAreaField field={fields.message} label={t("message.body")} t={t} rows={8} />
        <button type="submit" className="button">
          {t("message.send")}
        </button>
      </Form>
    </>
  );
}
