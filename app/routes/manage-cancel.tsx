import { data, Form, href, Link } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { privatePageMeta } from "~/platform/private-page";
import { metaT, useT } from "~/i18n/react";
import { manageView, requireRegistrationByToken } from "~/registrations/manage.server";
import { privateHeaders } from "~/platform/private-page";
import { cancelRegistration, RegistrationError } from "~/registrations/registrations.server";
import type { Route } from "./+types/manage-cancel";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: metaT(matches)("cancel.title") }, ...privatePageMeta];
}

export function headers() {
  return privateHeaders;
}

export function loader({ params }: Route.LoaderArgs) {
  const view = manageView(services().db, params.token);
  if (!view.canCancel)
    throw redirect(href("/r/:token", { token: params.token }), { headers: privateHeaders });
  return data(
    { title: view.meeting.title, waitlisted: view.registration.status === "waitlisted" },
    { headers: privateHeaders },
  );
}

/** Cancelling is its own confirmed step: a stray click on the manage page cancels nothing. */
export async function action({ request, params }: Route.ActionArgs) {
  const { db, service } = services();
  const { registration } = requireRegistrationByToken(db, params.token);
  // The button posts an empty form; a JSON or text post is a script and cancels nothing.
  await readForm(request);
  try {
    cancelRegistration(service, registration.id, "citizen");
  } catch (error) {
    if (!(error instanceof RegistrationError)) throw error;
    // The meeting is over or cancelled: the personal page says so.
    return redirect(href("/r/:token", { token: params.token }), {
      status: 303,
      headers: privateHeaders,
    });
  }
  return redirect(`${href("/r/:token", { token: params.token })}?cancelled=1`, {
    headers: privateHeaders,
  });
}

export default function Cancel({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("cancel.title")}</h1>
      <p>{t("cancel.question", { title: loaderData.title })}</p>
      <p>{t("cancel.waitlistNote")}</p>
      <Form method="post" className="actions">
        <button type="submit" className="button button-danger">
          {t("cancel.confirm")}
        </button>
        <Link to={href("/r/:token", { token: params.token })} className="button button-secondary">
          {t("cancel.back")}
        </Link>
      </Form>
    </>
  );
}
