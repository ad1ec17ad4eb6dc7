import { qrCodeDataUrl } from "../../../emails/qr-code";
import { useEffect, useRef, useState } from "react";
import { Form, href, Link, useFetcher, useNavigation, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { ActionError, RowAction } from "~/components/intent-forms";
import { LiveNote, useLiveUpdates } from "~/components/live";
import { useSteadyList } from "~/components/steady-list";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { formatDateTime } from "~/platform/dates";
import { readForm } from "~/platform/forms.server";
import { hallUrl } from "~/questions/questions.server";
import { answerIntent, readIntent } from "~/platform/intent.server";
import { present } from "~/questions/hall.server";
import {
  approveQuestion,
  markQuestionAnswered,
  moderationIntents,
  moderationQueue,
  moveInAgenda,
  rejectQuestion,
  reorderAgenda,
  questionSettings,
  requireQuestion,
  saveQuestionSettings,
  starQuestion,
} from "~/questions/moderation.server";
import { FindingList, MarkedText } from "~/components/privacy-findings";
import { REJECT_CATEGORIES, SOURCE_FILTERS, type SourceFilter } from "~/questions/limits";
import type { Route } from "./+types/questions";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [{ title: adminTitle(t("aq.queue", { title: data?.meeting.title ?? "" })) }];
}

const FILTERS = [
  "pending",
  "approved",
  "rejected",
  "withdrawn",
  "merged",
  "all",
  "private",
] as const;
type Filter = (typeof FILTERS)[number];

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const wanted = new URL(request.url).searchParams.get("status");
  const filter: Filter = FILTERS.find((f) => f === wanted) ?? "pending";
  const from = new URL(request.url).searchParams.get("source");
  const source: SourceFilter = SOURCE_FILTERS.find((f) => f === from) ?? "all";
  const hall = hallUrl(service, meeting);
  return {
    meeting: { id: meeting.id, title: meeting.title, slug: meeting.slug },
    filter,
    source,
    hall,
    hallQr: await qrCodeDataUrl(hall, 240),
    ...moderationQueue(db, meeting, filter, source),
    settings: questionSettings(db, meeting),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  return answerIntent(() => {
    const form = readIntent(formData, moderationIntents);
    if (form.intent === "settings") {
      saveQuestionSettings(service, organiser, meeting, {
        moderationCriteria: form.moderationCriteria ?? "",
        privacyWords: form.privacyWords ?? "",
      });
    } else if (form.intent === "reorder") {
      reorderAgenda(service, organiser, meeting.id, form.order);
    } else {
      const question = requireQuestion(db, meeting, form.questionId);
      switch (form.intent) {
        case "approve":
          approveQuestion(service, organiser, question.id, form.privacyCleared);
          break;
        case "reject":
          rejectQuestion(service, organiser, question.id, form.category, form.reason || null);
          break;
        case "star":
        case "unstar":
          starQuestion(service, organiser, question.id, form.intent === "star");
          break;
        case "answered":
        case "unanswered":
          markQuestionAnswered(service, organiser, question.id, form.intent === "answered");
          break;
        case "up":
        case "down":
          moveInAgenda(service, organiser, question.id, form.intent);
          break;
        case "show":
          present(service, organiser, meeting, { questionId: question.id });
          break;
      }
    }
    const back = new URL(request.url);
    back.searchParams.set("done", form.intent);
    // Back to where the organiser was: the moved item in the order, or the question in the queue.
    const id = "questionId" in form ? form.questionId : null;
    const anchor = !id
      ? ""
      : ["up", "down", "show"].includes(form.intent)
        ? `#agenda-${id}`
        : `#q-${id}`;
    return redirect(`${back.pathname}?${back.searchParams}${anchor}`);
  });
}

export default function Questions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { meeting, filter, source, counts, questions, agenda, board, choices } = loaderData;
  const sourceQuery = source === "all" ? "" : `&source=${source}`;
  const id = String(meeting.id);
  const themeLabel = (title: string | null) =>
    choices.find((c) => c.title === title)?.label ?? title ?? t("questions.other");
  const total = Object.values(counts).reduce((n, c) => n + c, 0);
  const { privateCounts, settings } = loaderData;
  const live = useLiveUpdates(href("/admin/meetings/:id/questions/events", { id }));
  // New questions wait behind a button, so nothing moves under the moderator's hand.
  const { shown, fresh, showFresh } = useSteadyList(questions);
  const [focusId, setFocusId] = useState<number | null>(null);
  useEffect(() => {
    if (focusId !== null) document.getElementById(`q-${focusId}`)?.focus();
  }, [focusId]);
  useKeepPlaceInQueue();
  return (
    <>
      <p>
        <Link to={href("/admin/meetings/:id", { id })}>{meeting.title}</Link>
      </p>
      <h1>{t("aq.title")}</h1>
      {params.has("done") ? (
        <p className="notice notice-success" role="status">
          {t("aq.done")}
        </p>
      ) : null}
      <ActionError error={actionData?.error} />
      <ul className="button-row">
        <li>
          <Link className="button" to={href("/admin/meetings/:id/present/control", { id })}>
            {t("aq.control")}
          </Link>
        </li>
        <li>
          <Link
            className="button button-secondary"
            to={href("/admin/meetings/:id/questions/export", { id })}
          >
            {t("aq.exports")}
          </Link>
        </li>
        <li>
          <Link
            className="button button-secondary"
            to={href("/admin/meetings/:id/answers", { id })}
          >
            {t("aq.after")}
          </Link>
        </li>
      </ul>

      <nav aria-label={t("aq.filterLabel")}>
        <ul className="button-row filters-nav">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                to={`?status=${f}${sourceQuery}`}
                aria-current={f === filter ? "page" : undefined}
                className={
                  f === filter ? "button button-small" : "button button-secondary button-small"
                }
              >
                {t(`aq.filter.${f}`)} (
                <span id={`count-${f}`}>
                  {f === "all" ? total : f === "private" ? privateCounts.total : counts[f]}
                </span>
                )
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <nav aria-label={t("aq.sourceLabel")}>
        <ul className="button-row filters-nav">
          {SOURCE_FILTERS.map((f) => (
            <li key={f}>
              <Link
                to={`?status=${filter}${f === "all" ? "" : `&source=${f}`}`}
                aria-current={f === source ? "page" : undefined}
                className={
                  f === source ? "button button-small" : "button button-secondary button-small"
                }
              >
                {t(`aq.source.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" tabIndex={-1}>
          {t(`aq.filter.${filter}`)}
        </h2>
        <LiveNote state={live} live={t("aq.live.on")} off={t("aq.live.off")} id="queue-live" />
        {/* Always one button high, so the button appearing moves nothing below it. */}
        <div className="queue-news">
          {fresh.length > 0 ? (
            <button
              type="button"
              id="show-fresh"
              className="button button-small"
              onClick={() => setFocusId(showFresh()[0] ?? null)}
            >
              {t("aq.fresh", { count: fresh.length })}
            </button>
          ) : null}
        </div>
        {/* Said once when new questions start to wait, not at every one that follows. */}
        <p role="status" className="visually-hidden" id="queue-announce">
          {fresh.length > 0 ? t("aq.freshAnnounce") : ""}
        </p>
        {shown.length === 0 ? (
          <p>{t("aq.none")}</p>
        ) : (
          <ol className="queue">
            {shown.map((q) => (
              <li
                key={q.id}
                id={`q-${q.id}`}
                tabIndex={-1}
                className={q.gone ? "card queue-item queue-item-gone" : "card queue-item"}
                inert={q.gone}
              >
                <p className="hint">
                  {q.gone ? <strong>{t("aq.gone")} · </strong> : null}#{q.id} ·{" "}
                  {themeLabel(q.theme)} · {formatDateTime(q.createdAt)}
                  {q.source === "hall" ? <> · {t("aq.fromHall")}</> : null}
                  {q.source === "online" ? (
                    <>
                      {" "}
                      · <strong className="tag-digital">{t("aq.digital")}</strong>
                    </>
                  ) : null}{" "}
                  · {t("aq.support", { count: q.supportCount })}
                  {q.merged > 0 ? <> · {t("aq.mergedCount", { count: q.merged })}</> : null}
                  {q.starred ? <> · ★ {t("aq.starred")}</> : null}
                  {q.answeredAt ? <> · {t("aq.answered")}</> : null}
                  {q.status !== filter ? <> · {t(`aq.filter.${q.status}`)}</> : null}
                </p>
                {q.private ? <p className="hint">{t("aq.privateNote")}</p> : null}
                {q.findings.length > 0 ? (
                  <p className="privacy-flag" id={`privacy-${q.id}`}>
                    <strong>⚠ {t("aq.privacy.flagged")}</strong>
                    {q.privacyCleared ? (
                      <> · {t(`aq.privacy.cleared.${q.privacyCleared}`)}</>
                    ) : null}
                  </p>
                ) : null}
                <p className="question-text">
                  {q.publicText ? (
                    <MarkedText text={q.publicText} findings={q.publicFindings} />
                  ) : (
                    <MarkedText text={q.originalText} findings={q.findings} />
                  )}
                </p>
                {q.publicText ? (
                  <details open={q.findings.length > 0}>
                    <summary>{t("aq.original")}</summary>
                    <p className="question-text">
                      <MarkedText text={q.originalText} findings={q.findings} />
                    </p>
                  </details>
                ) : null}
                <FindingList findings={q.findings} />
                <p className="hint">
                  {t("aq.asker")}:{" "}
                  {q.askerName ? (
                    <>
                      {q.askerName} ({q.showName ? t("aq.nameShown") : t("aq.nameHidden")})
                    </>
                  ) : (
                    t("aq.anonymous")
                  )}
                  {q.askerEmail ? <>, {q.askerEmail}</> : null}
                </p>
                {q.status === "rejected" ? (
                  <p className="hint">
                    {t(`moderation.reason.${q.rejectCategory ?? "other"}`)}
                    {q.rejectReason ? (
                      <> · {t("aq.rejectedReason", { reason: q.rejectReason })}</>
                    ) : null}
                  </p>
                ) : null}
                {q.private && q.answer ? (
                  <p className="hint">
                    {t("receipt.answer")}: <span className="question-text">{q.answer}</span>
                  </p>
                ) : null}
                {q.status === "merged" && q.mergedInto ? (
                  <p className="hint">{t("aq.mergedInto", { id: q.mergedInto })}</p>
                ) : null}
                <div className="row-actions">
                  {!q.private && (q.status === "pending" || q.status === "rejected") ? (
                    q.findings.length > 0 && !q.privacyCleared ? (
                      <Form method="post" className="privacy-confirm">
                        <input type="hidden" name="questionId" value={q.id} />
                        <fieldset>
                          <legend>{t("aq.privacy.confirm")}</legend>
                          <div className="field checkbox">
                            <input
                              type="radio"
                              id={`cleared-reworded-${q.id}`}
                              name="privacyCleared"
                              value="reworded"
                              required
                            />
                            <label htmlFor={`cleared-reworded-${q.id}`}>
                              {t("aq.privacy.confirmReworded")}
                            </label>
                          </div>
                          <div className="field checkbox">
                            <input
                              type="radio"
                              id={`cleared-none-${q.id}`}
                              name="privacyCleared"
                              value="none"
                            />
                            <label htmlFor={`cleared-none-${q.id}`}>
                              {t("aq.privacy.confirmNone")}
                            </label>
                          </div>
                        </fieldset>
                        <button
                          type="submit"
                          name="intent"
                          value="approve"
                          className="button button-small"
                        >
                          {t("aq.approve")}
                          <span className="visually-hidden"> #{q.id}</span>
                        </button>
                      </Form>
                    ) : (
                      <QuestionAction
                        id={q.id}
                        intent="approve"
                        label={t("aq.approve")}
                        look="primary"
                      />
                    )
                  ) : null}
                  {q.private && q.status === "pending" ? (
                    <Link
                      className="button button-small"
                      to={href("/admin/meetings/:id/questions/:questionId", {
                        id,
                        questionId: String(q.id),
                      })}
                    >
                      {t("aq.answerPrivately")}
                      <span className="visually-hidden"> #{q.id}</span>
                    </Link>
                  ) : null}
                  {!q.private && (q.status === "pending" || q.status === "approved") ? (
                    <>
                      <Link
                        className="button button-secondary button-small"
                        to={href("/admin/meetings/:id/questions/:questionId", {
                          id,
                          questionId: String(q.id),
                        })}
                      >
                        {t("aq.edit")}
                        <span className="visually-hidden"> #{q.id}</span>
                      </Link>
                      <QuestionAction
                        id={q.id}
                        intent={q.starred ? "unstar" : "star"}
                        label={q.starred ? t("aq.unstar") : t("aq.star")}
                      />
                      <QuestionAction
                        id={q.id}
                        intent={q.answeredAt ? "unanswered" : "answered"}
                        label={q.answeredAt ? t("aq.markUnanswered") : t("aq.markAnswered")}
                      />
                      <details>
                        <summary>
                          {t("aq.reject")}
                          <span className="visually-hidden"> #{q.id}</span>
                        </summary>
                        <Form method="post" className="reject-form">
                          <input type="hidden" name="questionId" value={q.id} />
                          <div className="field">
                            <label htmlFor={`category-${q.id}`}>{t("aq.rejectCategory")}</label>
                            <select
                              id={`category-${q.id}`}
                              name="category"
                              required
                              defaultValue={q.findings.length > 0 ? "personalData" : ""}
                            >
                              <option value="" disabled>
                                –
                              </option>
                              {REJECT_CATEGORIES.map((c) => (
                                <option key={c} value={c}>
                                  {t(`moderation.reason.${c}`)}
                                </option>
                              ))}
                            </select>
                          </div>
                          <div className="field">
                            <label htmlFor={`reason-${q.id}`}>{t("aq.rejectReason")}</label>
                            <input
                              type="text"
                              id={`reason-${q.id}`}
                              name="reason"
                              maxLength={500}
                            />
                          </div>
                          <button
                            type="submit"
                            name="intent"
                            value="reject"
                            className="button button-danger button-small"
                          >
                            {t("aq.reject")} #{q.id}
                          </button>
                        </Form>
                      </details>
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <Agenda agenda={agenda} currentId={board.currentQuestionId} />

      <Form method="post" className="card" id="question-settings">
        <h2>{t("aq.settings.heading")}</h2>
        <div className="field">
          <label htmlFor="moderationCriteria">{t("aq.settings.criteria")}</label>
          <p className="hint" id="moderationCriteria-hint">
            {t("aq.settings.criteriaHint")}
          </p>
          <textarea
            id="moderationCriteria"
            name="moderationCriteria"
            rows={6}
            defaultValue={settings.moderationCriteria}
            aria-describedby="moderationCriteria-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="privacyWords">{t("aq.settings.words")}</label>
          <p className="hint" id="privacyWords-hint">
            {t("aq.settings.wordsHint")}
          </p>
          <textarea
            id="privacyWords"
            name="privacyWords"
            rows={6}
            defaultValue={settings.privacyWords || settings.defaultWords.join("\n")}
            aria-describedby="privacyWords-hint"
          />
        </div>
        <button type="submit" name="intent" value="settings" className="button button-secondary">
          {t("aq.settings.submit")}
        </button>
      </Form>

      <section aria-labelledby="hall-heading" className="card qr">
        <h2 id="hall-heading">{t("aq.hallLink")}</h2>
        <img
          src={loaderData.hallQr}
          alt={t("present.qrAlt", { url: loaderData.hall })}
          width={160}
          height={160}
        />
        <p>
          <a href={loaderData.hall}>{loaderData.hall}</a>
        </p>
      </section>
    </>
  );
}

/**
 * A keyboard user's place in the queue: when the question they acted on leaves the list
 * (approved, rejected, merged), its button goes with it and focus would fall to the top of the
 * page. Focus goes to the question that took its place instead, or to the list's heading when
 * the list is empty. A button that stays (star, answered) keeps focus, so nothing moves.
 */
function useKeepPlaceInQueue() {
  const navigation = useNavigation();
  const place = useRef<number | null>(null);
  useEffect(() => {
    const items = () => [...document.querySelectorAll<HTMLElement>(".queue > .queue-item")];
    if (navigation.state === "submitting") {
      const item = document.activeElement?.closest(".queue > .queue-item");
      place.current = item ? items().indexOf(item as HTMLElement) : null;
      return;
    }
    if (navigation.state !== "idle" || place.current === null) return;
    const index = place.current;
    place.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const left = items();
    (left[Math.min(index, left.length - 1)] ?? document.getElementById("queue-heading"))?.focus();
  }, [navigation.state]);
}

/**
 * The panel's order. Up/down buttons are plain form posts (keyboard and no-JS); with scripts,
 * items can also be dragged, which posts the whole new order.
 */
function Agenda({
  agenda,
  currentId,
}: {
  agenda: { id: number; originalText: string; publicText: string | null; supportCount: number }[];
  currentId: number | null;
}) {
  const t = useT();
  const fetcher = useFetcher();
  const [dragged, setDragged] = useState<number | null>(null);
  const [order, setOrder] = useState<number[] | null>(null);
  const ids = agenda.map((q) => q.id);
  const shown =
    order && order.length === ids.length && order.every((id) => ids.includes(id)) ? order : ids;
  const byId = new Map(agenda.map((q) => [q.id, q]));
  const drop = (target: number) => {
    if (dragged === null || dragged === target) return;
    const next = shown.filter((id) => id !== dragged);
    next.splice(next.indexOf(target), 0, dragged);
    setOrder(next);
    setDragged(null);
    void fetcher.submit({ intent: "reorder", order: next.join(",") }, { method: "post" });
  };
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("aq.agenda")}</h2>
      <p className="hint">{t("aq.agendaHint")}</p>
      {agenda.length === 0 ? (
        <p>{t("aq.agendaEmpty")}</p>
      ) : (
        <ol className="agenda-order" id="agenda-order">
          {shown.map((id, index) => {
            const q = byId.get(id)!;
            return (
              <li
                key={id}
                id={`agenda-${id}`}
                draggable
                onDragStart={() => setDragged(id)}
                onDragOver={(event) => event.preventDefault()}
                onDrop={() => drop(id)}
                className={id === currentId ? "now-answering" : undefined}
              >
                <span className="agenda-text">
                  {q.publicText ?? q.originalText}
                  {id === currentId ? <strong> ({t("aq.nowShowing")})</strong> : null}
                </span>
                <span className="row-actions">
                  <QuestionAction
                    id={id}
                    intent="up"
                    label={t("aq.moveUp")}
                    disabled={index === 0}
                  />
                  <QuestionAction
                    id={id}
                    intent="down"
                    label={t("aq.moveDown")}
                    disabled={index === shown.length - 1}
                  />
                  <QuestionAction
                    id={id}
                    intent="show"
                    label={t("aq.show")}
                    disabled={id === currentId}
                  />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** A row action on a question; the hidden "#id" tells a screen reader's buttons apart. */
function QuestionAction(props: Omit<Parameters<typeof RowAction>[0], "idField" | "rowName">) {
  return <RowAction idField="questionId" rowName={`#${props.id}`} {...props} />;
}
