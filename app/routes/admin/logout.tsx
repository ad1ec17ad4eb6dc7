import { href } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { audit } from "~/platform/audit.server";
import { requireOrganiserAction } from "~/auth/guard.server";
import { destroySession } from "~/auth/session.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import type { Route } from "./+types/logout";

/** Logging out is a POST (a GET never changes state); a GET just goes back. */
export async function loader() {
  throw redirect(href("/admin"));
}

export async function action({ request }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  // Like every action: only a form from our page, not a JSON or text post from a script.
  await readForm(request);
  const { db } = services();
  audit(db, organiser, "logout");
  return redirect(`${href("/admin/login")}?loggedOut=1`, {
    headers: { "Set-Cookie": await destroySession(db, request) },
  });
}

export default function Logout() {
  return null;
}
