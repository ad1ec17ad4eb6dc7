import { data, Form, href, Link } from "react-router";
import { localPath, redirect } from "~/platform/redirect.server";
import {
  NowAnswering,
  QuestionGroups,
  useLiveQuestions,
  themeLabel,
} from "~/components/question-list";
import { ModerationCriteria } from "~/components/question-form";
import { ActionError } from "~/components/intent-forms";
import { LiveNote } from "~/components/live";
import { metaT, useT } from "~/i18n/react";
import { requirePublicMeeting } from "~/meetings/meetings.server";
import { admitPublicPost } from "~/meetings/crowd.server";
import { browserIdHeaders, readBrowserKey } from "~/platform/browser-id.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { requestLanguage } from "~/platform/language.server";
import {
  QuestionError,
  questionsClosedReason,
  supportQuestion,
  type PublicSort,
} from "~/questions/questions.server";
import { openModeration, publicQuestionList } from "~/questions/public-list.server";
import { moderationCriteria } from "~/questions/questions.server";
import { OpenModeration } from "~/components/open-moderation";
import { meetingAfterView, phaseView } from "~/questions/after.server";
import { AfterMeeting } from "~/components/after-meeting";
import { PhaseNote } from "~/components/meeting-phase";
import type { Route } from "./+types/list";
import { refusalInit } from "~/platform/refusal.server";

export function meta({ data, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  if (!data) return [{ title: t("meeting.notFound.title") }];
  return [{ title: `${t("list.title", { title: data.meeting.title })} – ${t("site.name")}` }];
}

export function headers({ actionHeaders, loaderHeaders }: Route.HeadersArgs) {
  return actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;
}

const SORTS: PublicSort[] = ["support", "newest", "agenda"];

export async function loader({ params, request }: Route.LoaderArgs) {
  const { db } = services();
  const meeting = requirePublicMeeting(db, params.slug);
  const search = new URL(request.url).searchParams;
  const sort = SORTS.find((s) => s === search.get("sort")) ?? "support";
  const page = Number.parseInt(search.get("page") ?? "1", 10);
  const list = publicQuestionList(db, meeting, {
    sort,
    theme: search.get("theme") || null,
    page: Number.isFinite(page) ? page : 1,
    supporterKey: await readBrowserKey(request),
  });
  return {
    meeting: { title: meeting.title, slug: meeting.slug },
    list,
    after: meetingAfterView(db, meeting, requestLanguage(request)),
    criteria: moderationCriteria(db, meeting.id),
    moderation: openModeration(db, meeting),
    // The answers are on this page: the note needs no link to them.
    state: { ...phaseView(db, meeting), answers: null },
    closedReason: questionsClosedReason(meeting),
  };
}

/** Only a page of this meeting may be returned to after a support (no open redirect). */
function safeReturn(slug: string, value: FormDataEntryValue | null): string {
  const page = href("/meetings/:slug", { slug });
  const list = href("/meetings/:slug/questions", { slug });
  // Written out first, so dot segments cannot lead from the list to another page.
  const path = localPath(value, list);
  return path === page || path.startsWith(list) ? path : list;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = services();
  const meeting = requirePublicMeeting(db, params.slug);
  const formData = await readForm(request);
  if (formData.get("intent") !== "support") {
    return data({ error: "error.intent.unknown" }, { status: 400 });
  }
  const { person, refusal } = await admitPublicPost("support", { request, context, meeting });
  if (refusal) {
    return data({ error: refusal.message }, refusalInit(refusal));
  }
  const headers = browserIdHeaders(person);
  const questionId = Number(formData.get("questionId"));
  try {
    supportQuestion(db, meeting, questionId, person.key);
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    return data({ error: `error.question.${error.code}` }, { status: 400, headers });
  }
  const back = safeReturn(meeting.slug, formData.get("returnTo"));
  return redirect(`${back}#question-${questionId}`, { headers });
}

export default function QuestionList({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { meeting, list, after, state, closedReason } = loaderData;
  const live = useLiveQuestions(meeting.slug);
  const base = href("/meetings/:slug/questions", { slug: meeting.slug });
  const query = new URLSearchParams({
    sort: list.sort,
    ...(list.theme ? { theme: list.theme } : {}),
  });
  const returnTo = `${base}?${query}${list.page > 1 ? `&page=${list.page}` : ""}`;
  return (
    <article>
      <p>
        <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{meeting.title}</Link>
      </p>
      <h1>{t("list.heading")}</h1>
      <ActionError error={actionData?.error} />
      <PhaseNote state={state} reader="public" t={t} />
      <NowAnswering question={list.nowAnswering} t={t} />
      {/* Closed: the note above says why. */}
      {closedReason ? null : (
        <p>
          <Link
            className="button"
            to={href("/meetings/:slug/questions/new", { slug: meeting.slug })}
          >
            {t("questions.askLink")}
          </Link>
        </p>
      )}
      <div className="columns">
        <div>
          <Form method="get" className="filters" aria-label={t("list.sort")}>
            <div className="field">
              <label htmlFor="sort">{t("list.sort")}</label>
              <select id="sort" name="sort" defaultValue={list.sort}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`list.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="theme">{t("list.themeFilter")}</label>
              <select id="theme" name="theme" defaultValue={list.theme ?? ""}>
                <option value="">{t("list.allThemes")}</option>
                {list.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {themeLabel(t, c)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              {t("list.apply")}
            </button>
          </Form>
          <p id="question-count" role="status">
            {t("list.count", { shown: list.shown, total: list.total })}
          </p>
          <QuestionGroups list={list} slug={meeting.slug} returnTo={returnTo} />
          {list.hasMore ? (
            <p>
              <Link id="show-more" to={`${base}?${query}&page=${list.page + 1}`} preventScrollReset>
                {t("list.showMore")}
              </Link>
            </p>
          ) : null}
          <LiveNote state={live} live={t("list.live.on")} off={t("list.live.off")} />
        </div>
        <aside>
          <ModerationCriteria t={t} criteria={loaderData.criteria} headingLevel={2} />
          <OpenModeration counts={loaderData.moderation} />
        </aside>
      </div>
      <AfterMeeting after={after} t={t} />
    </article>
  );
}
