import { Form, href, Link } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { deleteDraft, deleteRefusedReason } from "~/meetings/editor.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { answerIntent } from "~/platform/intent.server";
import { ActionError } from "~/components/intent-forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/meeting-delete";

export function meta() {
  return [{ title: adminTitle(translator()("delete.title")) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  // Only an untouched draft has this page; the dashboard says why another one cannot go.
  if (deleteRefusedReason(db, meeting)) {
    throw redirect(href("/admin/meetings/:id", { id: String(meeting.id) }));
  }
  return { id: meeting.id, title: meeting.title };
}

/** Deleting is its own confirmed step: a stray click on the dashboard deletes nothing. */
export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  await readForm(request);
  // Someone may have signed up, or published it, since the page was opened: a Refusal says so.
  return answerIntent(() => {
    deleteDraft(service, organiser, meeting.id);
    return redirect(`${href("/admin")}?deleted=1`, { status: 303 });
  });
}

export default function DeleteMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("delete.title")}</h1>
      <ActionError error={actionData?.error} />
      <p>{t("delete.intro", { title: loaderData.title })}</p>
      <Form method="post" className="actions">
        <button type="submit" className="button button-danger">
          {t("delete.confirm")}
        </button>
        <Link
          to={href("/admin/meetings/:id", { id: String(loaderData.id) })}
          className="button button-secondary"
        >
          {t("delete.back")}
        </Link>
      </Form>
    </>
  );
}
