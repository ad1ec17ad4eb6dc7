import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, Link, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { meetingTextsSchema } from "~/meetings/forms";
import {
  agendaItemCount,
  isMeetingTextLanguage,
  meetingTextLanguages,
  saveMeetingTexts,
  textsForEditing,
} from "~/meetings/meeting-texts.server";
import { adminTitle } from "~/auth/admin-title";
import { ErrorSummary } from "~/components/error-summary";
import { formErrors, TextAreaField, TextField } from "~/components/fields";
import { languageNames, translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/meeting-texts";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [
    {
      title: adminTitle(
        `${t("meetingTexts.title", { language: data?.languageName ?? "" })}: ${data?.bokmal.title ?? ""}`,
      ),
    },
  ];
}

function load(params: { id?: string; language?: string }) {
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  if (!isMeetingTextLanguage(params.language)) {
    throw data({ title: "error.notFound.title", body: "error.notFound.body" }, { status: 404 });
  }
  return { db, meeting, language: params.language };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db, meeting, language } = load(params);
  return {
    id: meeting.id,
    language,
    languageName: translator()(`meetingTexts.language.${language}`),
    languages: meetingTextLanguages.map((l) => ({ language: l, name: languageNames[l] })),
    ...textsForEditing(db, meeting, language),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, meeting, language } = load(params);
  const submission = parseWithZod(await readForm(request), {
    schema: meetingTextsSchema(agendaItemCount(db, meeting.id)),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  saveMeetingTexts(db, organiser, meeting, language, submission.value);
  return redirect(
    `${href("/admin/meetings/:id/texts/:language", { id: String(meeting.id), language })}?saved=1`,
  );
}

export default function MeetingTexts({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { language, languageName, bokmal, agendaItems } = loaderData;
  const schema = meetingTextsSchema(agendaItems);
  const [form, f] = useForm({
    id: `meeting-texts-${language}`,
    lastResult: actionData?.result,
    defaultValue: loaderData.values,
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const labels = {
    title: t("meetingTexts.field.title"),
    description: t("meetingTexts.field.description"),
    agenda: t("meetingTexts.field.agenda"),
    accessibility: t("meetingTexts.field.accessibility"),
    whatToBring: t("meetingTexts.field.whatToBring"),
    questionGuidance: t("meetingTexts.field.questionGuidance"),
  };
  /** The bokmål text beside each field, so the organiser translates what citizens see. */
  const inBokmal = (text: string) =>
    text ? t("meetingTexts.bokmal", { text }) : t("meetingTexts.bokmalEmpty");
  return (
    <>
      <h1>{t("meetingTexts.title", { language: languageName })}</h1>
      <p className="lead">{bokmal.title}</p>
      <nav aria-label={t("meetingTexts.languages")}>
        <ul>
          {loaderData.languages.map((l) => (
            <li key={l.language}>
              <Link
                to={href("/admin/meetings/:id/texts/:language", {
                  id: String(loaderData.id),
                  language: l.language,
                })}
                lang={l.language}
                aria-current={l.language === language ? "page" : undefined}
              >
                {l.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t("meetingTexts.intro")}</p>
      {params.has("saved") ? (
        <p className="notice notice-success" role="status">
          {t("meetingTexts.saved", { language: languageName })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate className="narrow" lang={language}>
        <ErrorSummary errors={formErrors(form, labels)} t={t} />
        <TextField field={f.title} label={labels.title} hint={inBokmal(bokmal.title)} t={t} />
        <TextAreaField
          field={f.description}
          label={labels.description}
          hint={inBokmal(bokmal.description)}
          rows={8}
          t={t}
        />
        {agendaItems > 0 ? (
          <TextAreaField
            field={f.agenda}
            label={labels.agenda}
            hint={`${t("meetingTexts.agendaHint", { count: agendaItems })} ${inBokmal(bokmal.agenda)}`}
            rows={Math.min(12, agendaItems + 1)}
            t={t}
          />
        ) : null}
        <TextAreaField
          field={f.accessibility}
          label={labels.accessibility}
          hint={inBokmal(bokmal.accessibility)}
          t={t}
        />
        <TextAreaField
          field={f.whatToBring}
          label={labels.whatToBring}
          hint={inBokmal(bokmal.whatToBring)}
          t={t}
        />
        <TextAreaField
          field={f.questionGuidance}
          label={labels.questionGuidance}
          hint={inBokmal(bokmal.questionGuidance)}
          t={t}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {t("meetingTexts.save")}
          </button>
          <Link to={href("/admin/meetings/:id", { id: String(loaderData.id) })}>
            {t("meetingTexts.back")}
          </Link>
        </div>
      </Form>
    </>
  );
}
