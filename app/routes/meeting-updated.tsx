import { Link } from "react-router";
import { services } from "~/platform/context.server";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requirePublicMeeting } from "~/meetings/meetings.server";
import type { Route } from "./+types/meeting-updated";

export function meta() {
  return [{ title: translator()("updated.title") }];
}

export function loader({ params }: Route.LoaderArgs) {
  const meeting = requirePublicMeeting(services().db, params.slug);
  return { title: meeting.title, slug: meeting.slug };
}

/** After the same email registered again: the new link goes to that mailbox, not on screen. */
export default function Updated({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("updated.title")}</h1>
      <p className="notice notice-success" role="status">
        {t("updated.body")}
      </p>
      <p>
        <Link to={`/meetings/${loaderData.slug}`}>{t("confirm.backToMeeting")}</Link>
      </p>
    </>
  );
}
