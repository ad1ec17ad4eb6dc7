import { parseWithZod } from "@conform-to/zod/v4";
import { data, href } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { AttendeeForm } from "~/components/attendee-form";
import { services } from "~/platform/context.server";
import { replyWithRefusal } from "~/platform/refusal.server";
import { readForm } from "~/platform/forms.server";
import { organiserRegistrationSchema } from "~/registrations/forms";
import { toNeeds } from "~/registrations/forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { addByOrganiser } from "~/registrations/organiser-changes.server";
import type { Route } from "./+types/attendee-new";

export function meta() {
  return [{ title: adminTitle(translator()("registrationForm.addTitle")) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const meeting = requireMeeting(services().db, params.id);
  return {
    id: meeting.id,
    title: meeting.title,
    maxPartySize: meeting.maxPartySize,
    attendance: meeting.attendance,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const submission = parseWithZod(await readForm(request), {
    schema: organiserRegistrationSchema(meeting.maxPartySize),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  try {
    addByOrganiser(service, organiser, meeting.id, { ...v, needs: toNeeds(v) });
  } catch (error) {
    return replyWithRefusal(submission, error);
  }
  return redirect(`${href("/admin/meetings/:id/attendees", { id: String(meeting.id) })}?done=add`);
}

export default function NewAttendee({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("registrationForm.addTitle")}</h1>
      <p className="lead">{loaderData.title}</p>
      <AttendeeForm
        lastResult={actionData?.result}
        maxPartySize={loaderData.maxPartySize}
        chooseAttendance={loaderData.attendance === "both"}
        submitLabel={t("registrationForm.save")}
        cancelTo={href("/admin/meetings/:id/attendees", { id: String(loaderData.id) })}
      />
    </>
  );
}
