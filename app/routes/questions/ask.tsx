import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, Link } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { ModerationCriteria, QuestionForm, QuestionNote } from "~/components/question-form";
import { metaT, useT } from "~/i18n/react";
import { requirePublicMeeting } from "~/meetings/meetings.server";
import { admitPublicPost, questionCeilings } from "~/meetings/crowd.server";
import { browserIdHeaders } from "~/platform/browser-id.server";
import { services } from "~/platform/context.server";
import { requestLanguage } from "~/platform/language.server";
import { localisedMeeting } from "~/meetings/meeting-texts.server";
import { isSpam } from "~/platform/honeypot.server";
import { questionConstraint, questionSchema } from "~/questions/forms";
import { readForm } from "~/platform/forms.server";
import {
  askQuestion,
  meetingHealthWords,
  meetingThemeChoices,
  moderationCriteria,
  privacyFindings,
  QuestionError,
  questionsClosedReason,
  questionSourceFrom,
} from "~/questions/questions.server";
import { phaseView } from "~/questions/after.server";
import type { Finding } from "~/questions/findings";
import type { Route } from "./+types/ask";
import { refusalInit } from "~/platform/refusal.server";

export function meta({ data, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  if (!data) return [{ title: t("meeting.notFound.title") }];
  return [
    { title: `${t("questions.askTitle", { title: data.meeting.title })} – ${t("site.name")}` },
  ];
}

export function headers({ actionHeaders, loaderHeaders }: Route.HeadersArgs) {
  return actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;
}

export function loader({ params, request }: Route.LoaderArgs) {
  const { db } = services();
  const original = requirePublicMeeting(db, params.slug);
  const choices = meetingThemeChoices(db, original);
  // The meeting's own texts in the reader's language where written (meeting-texts.server.ts).
  const { meeting, fallback } = localisedMeeting(db, original, requestLanguage(request), []);
  return {
    textLang: { title: fallback.title, questionGuidance: fallback.questionGuidance ?? null },
    meeting: {
      title: meeting.title,
      slug: meeting.slug,
      questionGuidance: meeting.questionGuidance,
    },
    choices,
    constraint: questionConstraint(),
    closedReason: questionsClosedReason(meeting),
    answers: phaseView(db, meeting).answers,
    healthWords: meetingHealthWords(db, meeting.id),
    criteria: moderationCriteria(db, meeting.id),
    source: questionSourceFrom(new URL(request.url).searchParams.get("from")),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, service } = services();
  const meeting = requirePublicMeeting(db, params.slug);
  const formData = await readForm(request);
  const choices = meetingThemeChoices(db, meeting);
  const submission = parseWithZod(formData, { schema: questionSchema(choices) });
  const { person, clientKey, refusal } = await admitPublicPost("question", {
    request,
    context,
    meeting,
  });
  if (refusal) {
    return data(
      { result: submission.reply({ formErrors: [refusal.message] }) },
      refusalInit(refusal),
    );
  }
  // An admitted post gives a new browser its id, whatever the answer.
  const headers = browserIdHeaders(person);
  if (await isSpam(formData)) {
    return data(
      { result: submission.reply({ formErrors: ["rsvp.spam"] }) },
      { status: 400, headers },
    );
  }
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400, headers });
  }
  // The privacy guard's second step: what looks like personal data, and the choice to reword
  // it, send it anyway for moderation, or send it privately to the municipality.
  const choice = formData.get("privacyChoice");
  const sendPrivately = submission.value.private || choice === "private";
  if (sendPrivately && !submission.value.email) {
    return data(
      {
        result: submission.reply({ fieldErrors: { email: ["error.question.privateNeedsEmail"] } }),
      },
      { status: 400, headers },
    );
  }
  if (!sendPrivately && choice !== "moderate") {
    const findings = privacyFindings(db, meeting.id, submission.value.text);
    if (findings.length > 0) {
      return data(
        { result: submission.reply(), privacy: { text: submission.value.text, findings } },
        { headers },
      );
    }
  }
  try {
    const { token } = askQuestion(
      service,
      meeting.id,
      {
        themeValue: submission.value.theme,
        text: submission.value.text,
        name: submission.value.name ?? null,
        showName: submission.value.showName,
        email: submission.value.email ?? null,
        source: questionSourceFrom(formData.get("source")),
        language: requestLanguage(request),
        private: sendPrivately,
      },
      person.key,
      { clientKey, ...questionCeilings(meeting) },
    );
    return redirect(`${href("/question/:token", { token })}?sent=1`, { headers });
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    return data(
      { result: submission.reply({ formErrors: [`error.question.${error.code}`] }) },
      { status: error.code === "pendingLimit" ? 429 : 400, headers },
    );
  }
}

export default function AskPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { meeting, choices, constraint, closedReason, source, answers, healthWords, criteria } =
    loaderData;
  const privacy =
    (actionData as { privacy?: { text: string; findings: Finding[] } } | undefined)?.privacy ??
    null;
  return (
    <article className="narrow">
      <p>
        <Link to={href("/meetings/:slug", { slug: meeting.slug })} lang={loaderData.textLang.title}>
          {meeting.title}
        </Link>
      </p>
      <h1>
        {source === "hall"
          ? t("hall.title")
          : source === "online"
            ? t("questions.onlineHeading")
            : t("questions.askHeading")}
      </h1>
      {closedReason ? (
        <>
          <p className="notice" id="questions-closed">
            {t(`questions.closed.${closedReason}`)}
          </p>
          {answers ? (
            <p>
              <Link to={answers}>{t("phase.answers")}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p>
            {source === "hall"
              ? t("questions.hallIntro")
              : source === "online"
                ? t("questions.onlineIntro")
                : t("questions.askIntro")}
          </p>
          <QuestionNote
            t={t}
            guidance={meeting.questionGuidance}
            guidanceLang={loaderData.textLang.questionGuidance}
            headingLevel={2}
          />
          <QuestionForm
            slug={meeting.slug}
            choices={choices}
            constraint={constraint}
            lastResult={actionData?.result}
            source={source}
            healthWords={healthWords}
            privacyStep={privacy}
          />
          <ModerationCriteria t={t} criteria={criteria} headingLevel={2} />
        </>
      )}
    </article>
  );
}
