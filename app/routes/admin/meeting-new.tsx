import { parseWithZod } from "@conform-to/zod/v4";
import { data, href } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { createMeeting, newMeetingDefaults } from "~/meetings/editor.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { MeetingForm } from "~/components/meeting-form";
import { services } from "~/platform/context.server";
import { replyWithRefusal } from "~/platform/refusal.server";
import { readForm } from "~/platform/forms.server";
import { editorSchema, meetingFormShape, type EditorRules } from "~/meetings/forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/meeting-new";

export function meta() {
  return [{ title: adminTitle(translator()("editor.newTitle")) }];
}

// A new meeting has no start to keep: it must start ahead.
const rules: EditorRules = { keptStart: null };

export async function loader({ request }: Route.LoaderArgs) {
  await requireOrganiser(request);
  return { defaults: newMeetingDefaults() };
}

export async function action({ request }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const submission = parseWithZod(await readForm(request, meetingFormShape), {
    schema: editorSchema(rules),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const id = createMeeting(services().service, organiser, submission.value);
    return redirect(`${href("/admin/meetings/:id", { id: String(id) })}?created=1`);
  } catch (error) {
    return replyWithRefusal(submission, error);
  }
}

export default function NewMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("editor.newTitle")}</h1>
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={loaderData.defaults}
        rules={rules}
        submitLabel={t("editor.create")}
        cancelTo={href("/admin")}
      />
    </>
  );
}
