import { data, href } from "react-router";
import { OwnDataView } from "~/components/own-data";
import { metaT } from "~/i18n/react";
import { collectQuestionData, eraseQuestionData, shownOwnData } from "~/own-data/own-data.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { requestLanguage } from "~/platform/language.server";
import { privateHeaders, privatePageMeta } from "~/platform/private-page";
import { redirect } from "~/platform/redirect.server";
import { requireQuestionByToken } from "~/questions/questions.server";
import type { Route } from "./+types/question";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: metaT(matches)("ownData.title") }, ...privatePageMeta];
}

export function headers() {
  return privateHeaders;
}

/** Everything held about the question behind this receipt link (app/own-data/). */
export function loader({ params, request }: Route.LoaderArgs) {
  const { db, service } = services();
  const { question, meeting } = requireQuestionByToken(db, params.token);
  const own = collectQuestionData(service, question, meeting);
  return data({ own: shownOwnData(own, requestLanguage(request)) }, { headers: privateHeaders });
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") !== "erase") {
    return data({ error: "error.intent.unknown" }, { status: 400, headers: privateHeaders });
  }
  if (formData.get("confirm") !== "yes") {
    return data({ error: "ownData.eraseNotConfirmed" }, { status: 400, headers: privateHeaders });
  }
  const { db, env, service } = services();
  const { question } = requireQuestionByToken(db, params.token);
  eraseQuestionData(service, question, env.outboxDir);
  return redirect(href("/erased"), { status: 303, headers: privateHeaders });
}

export default function OwnQuestionData({ loaderData, actionData, params }: Route.ComponentProps) {
  return (
    <OwnDataView
      data={loaderData.own}
      via="question"
      jsonHref={href("/question/:token/data.json", { token: params.token })}
      error={actionData?.error}
    />
  );
}
