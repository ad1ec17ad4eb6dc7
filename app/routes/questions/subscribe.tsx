import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, Link, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { SubscribeForm } from "~/components/subscribe-form";
import { metaT, useT } from "~/i18n/react";
import { requirePublicMeeting } from "~/meetings/meetings.server";
import { admitPublicPost } from "~/meetings/crowd.server";
import { services } from "~/platform/context.server";
import { requestLanguage } from "~/platform/language.server";
import { isSpam } from "~/platform/honeypot.server";
import { subscribeConstraint, subscribeSchema } from "~/questions/forms";
import { readForm } from "~/platform/forms.server";
import { subscribe } from "~/questions/subscriptions.server";
import type { Route } from "./+types/subscribe";
import { refusalInit } from "~/platform/refusal.server";

export function meta({ data, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("subscribe.heading")} – ${data?.meeting.title ?? t("site.name")}` }];
}

export function headers({ actionHeaders, loaderHeaders }: Route.HeadersArgs) {
  return actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;
}

export function loader({ params }: Route.LoaderArgs) {
  const meeting = requirePublicMeeting(services().db, params.slug);
  return {
    meeting: { title: meeting.title, slug: meeting.slug },
    constraint: subscribeConstraint(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, service } = services();
  const meeting = requirePublicMeeting(db, params.slug);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: subscribeSchema });
  const { refusal } = await admitPublicPost("question", { request, context, meeting });
  if (refusal) {
    return data(
      { result: submission.reply({ formErrors: [refusal.message] }) },
      refusalInit(refusal),
    );
  }
  if (await isSpam(formData))
    return data({ result: submission.reply({ formErrors: ["rsvp.spam"] }) }, { status: 400 });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  subscribe(service, meeting, submission.value.email, requestLanguage(request));
  return redirect(`${href("/meetings/:slug/subscribe", { slug: meeting.slug })}?sent=1`);
}

export default function Subscribe({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { meeting } = loaderData;
  if (params.has("sent")) {
    return (
      <article className="narrow">
        <h1>{t("subscribe.sent.title")}</h1>
        <p role="status">{t("subscribe.sent.body")}</p>
        <p>
          <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{t("receipt.back")}</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="narrow">
      <p>
        <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{meeting.title}</Link>
      </p>
      <h1>{t("subscribe.heading")}</h1>
      <SubscribeForm
        slug={meeting.slug}
        constraint={loaderData.constraint}
        lastResult={actionData?.result}
      />
    </article>
  );
}
