import { data, Form, href, Link } from "react-router";
import { metaT, useT } from "~/i18n/react";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import {
  confirmSubscription,
  findSubscription,
  unsubscribe,
} from "~/questions/subscriptions.server";
import { privateHeaders } from "~/platform/private-page";
import type { Route } from "./+types/update-link";
import { notFound } from "~/platform/refusal.server";

/**
 * The links in subscription mail: /updates/confirm/:token and /updates/unsubscribe/:token.
 * A GET only shows a button (mail scanners open links); the POST acts. The unsubscribe POST
 * is also what mail clients send for one-click unsubscribe (RFC 8058).
 */
type Purpose = "confirm" | "unsubscribe";
const purposeOf = (value: string | undefined): Purpose | null =>
  value === "confirm" || value === "unsubscribe" ? value : null;

function requireLink(params: { purpose?: string; token?: string }) {
  const purpose = purposeOf(params.purpose);
  const found = purpose ? findSubscription(services().db, purpose, params.token ?? "") : undefined;
  if (!purpose || !found) {
    notFound({ title: "subscribe.invalid.title", body: "subscribe.invalid.body" }, privateHeaders);
  }
  return { purpose, ...found };
}

export function meta({ data, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [
    {
      title:
        data?.purpose === "unsubscribe" ? t("unsubscribe.title") : t("subscribe.confirm.title"),
    },
    { name: "robots", content: "noindex" },
  ];
}

export function headers() {
  return privateHeaders;
}

export function loader({ params }: Route.LoaderArgs) {
  const { purpose, subscription, meeting } = requireLink(params);
  return data(
    {
      purpose,
      status: subscription.status,
      meeting: { title: meeting.title, slug: meeting.slug },
      done: false,
    },
    { headers: privateHeaders },
  );
}

// RFC 8058 clients post the form "List-Unsubscribe=One-Click"; what it says does not matter.
export async function action({ params, request }: Route.ActionArgs) {
  const { db, env } = services();
  const { purpose, subscription, meeting } = requireLink(params);
  await readForm(request);
  if (purpose === "confirm") confirmSubscription(db, subscription);
  else unsubscribe(db, env.outboxDir, subscription);
  return data(
    {
      purpose,
      status: purpose === "confirm" ? "confirmed" : "unsubscribed",
      meeting: { title: meeting.title, slug: meeting.slug },
      done: true,
    },
    { headers: privateHeaders },
  );
}

export default function UpdateLink({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const view = actionData ?? loaderData;
  const { meeting, purpose } = view;
  const title = meeting.title;
  const done =
    view.done ||
    (purpose === "confirm" ? view.status === "confirmed" : view.status === "unsubscribed");
  return (
    <article className="narrow">
      {purpose === "confirm" ? (
        done ? (
          <>
            <h1>{t("subscribe.confirmed.title")}</h1>
            <p role="status">{t("subscribe.confirmed.body", { title })}</p>
          </>
        ) : (
          <>
            <h1>{t("subscribe.confirm.title")}</h1>
            <p>{t("subscribe.confirm.body", { title })}</p>
            <Form method="post">
              <button type="submit" className="button">
                {t("subscribe.confirm.submit")}
              </button>
            </Form>
          </>
        )
      ) : done ? (
        <>
          <h1>{t("unsubscribe.done.title")}</h1>
          <p role="status">{t("unsubscribe.done.body", { title })}</p>
        </>
      ) : (
        <>
          <h1>{t("unsubscribe.title")}</h1>
          <p>{t("unsubscribe.body", { title })}</p>
          <Form method="post">
            <button type="submit" className="button">
              {t("unsubscribe.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{t("receipt.back")}</Link>
      </p>
    </article>
  );
}
