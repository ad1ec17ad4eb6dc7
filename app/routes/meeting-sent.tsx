import { href, Link } from "react-router";
import { services } from "~/platform/context.server";
import { metaT, useT } from "~/i18n/react";
import { requirePublicMeeting } from "~/meetings/meetings.server";
import type { Route } from "./+types/meeting-sent";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: `${metaT(matches)("sent.title")} – ${metaT(matches)("site.name")}` }];
}

export function loader({ params }: Route.LoaderArgs) {
  const meeting = requirePublicMeeting(services().db, params.slug);
  return { title: meeting.title, slug: meeting.slug };
}

/**
 * Where every accepted sign-up lands, new address or known: the page cannot tell who is
 * registered. The outcome and the personal link are in the mail to that address.
 */
export default function Sent({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("sent.title")}</h1>
      <p className="notice notice-success" role="status">
        {t("sent.body")}
      </p>
      <p>{t("sent.alreadyNote")}</p>
      <p>{t("sent.noMail")}</p>
      <p>
        <Link to={href("/meetings/:slug", { slug: loaderData.slug })}>
          {t("confirm.backToMeeting")}
          <span className="visually-hidden">: {loaderData.title}</span>
        </Link>
      </p>
    </>
  );
}
