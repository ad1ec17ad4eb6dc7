import { parseWithZod } from "@conform-to/zod/v4";
import { data, href } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { requireRegistration } from "~/registrations/attendees.server";
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
import { editByOrganiser } from "~/registrations/organiser-changes.server";
import type { Route } from "./+types/attendee-edit";

export function meta() {
  return [{ title: adminTitle(translator()("registrationForm.editTitle")) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const r = requireRegistration(db, meeting, params.registrationId);
  if (r.status === "cancelled")
    throw redirect(href("/admin/meetings/:id/attendees", { id: String(meeting.id) }));
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      maxPartySize: meeting.maxPartySize,
      attendance: meeting.attendance,
    },
    values: {
      attendance: r.attendance,
      name: r.name,
      email: r.email ?? "",
      phone: r.phone ?? "",
      partySize: String(r.partySize),
      needsAccessibility: r.needs.accessibility ? "on" : undefined,
      needsInterpreter: r.needs.interpreter ? "on" : undefined,
      needsOther: r.needs.other ? "on" : undefined,
      needsText: r.needs.text,
      note: r.note,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const registration = requireRegistration(db, meeting, params.registrationId);
  const submission = parseWithZod(await readForm(request), {
    schema: organiserRegistrationSchema(meeting.maxPartySize),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  try {
    editByOrganiser(service, organiser, registration.id, { ...v, needs: toNeeds(v) });
  } catch (error) {
    return replyWithRefusal(submission, error);
  }
  return redirect(`${href("/admin/meetings/:id/attendees", { id: String(meeting.id) })}?done=edit`);
}

export default function EditAttendee({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("registrationForm.editTitle")}</h1>
      <p className="lead">{loaderData.meeting.title}</p>
      <AttendeeForm
        lastResult={actionData?.result}
        defaultValue={loaderData.values}
        maxPartySize={loaderData.meeting.maxPartySize}
        chooseAttendance={loaderData.meeting.attendance === "both"}
        submitLabel={t("registrationForm.save")}
        cancelTo={href("/admin/meetings/:id/attendees", { id: String(loaderData.meeting.id) })}
      />
    </>
  );
}
