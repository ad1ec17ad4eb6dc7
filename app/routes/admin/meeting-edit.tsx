import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { editorRulesFor, toFormValues, updateMeetingFromForm } from "~/meetings/editor.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { MeetingForm } from "~/components/meeting-form";
import { services } from "~/platform/context.server";
import { replyWithRefusal } from "~/platform/refusal.server";
import { readForm } from "~/platform/forms.server";
import { editorSchema, meetingFormShape } from "~/meetings/forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/meeting-edit";

export function meta({ data }: Route.MetaArgs) {
  return [
    {
      title: adminTitle(`${translator()("editor.editTitle")}: ${data?.title ?? ""}`),
    },
  ];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  return {
    id: meeting.id,
    title: meeting.title,
    values: toFormValues(db, meeting),
    rules: editorRulesFor(meeting),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const submission = parseWithZod(await readForm(request, meetingFormShape), {
    schema: editorSchema(editorRulesFor(meeting)),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const { changes } = updateMeetingFromForm(service, organiser, meeting.id, submission.value);
    return redirect(
      `${href("/admin/meetings/:id", { id: String(meeting.id) })}?saved=1${changes.length ? "&changed=1" : ""}`,
    );
  } catch (error) {
    return replyWithRefusal(submission, error);
  }
}

export default function EditMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("editor.editTitle")}</h1>
      <p className="lead">{loaderData.title}</p>
      {params.has("duplicated") ? (
        <p className="notice notice-warning" role="status">
          {t("dashboard.duplicated")}
        </p>
      ) : null}
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={loaderData.values}
        rules={loaderData.rules}
        submitLabel={t("editor.save")}
        cancelTo={href("/admin/meetings/:id", { id: String(loaderData.id) })}
      />
    </>
  );
}
