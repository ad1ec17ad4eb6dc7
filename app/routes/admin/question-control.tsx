/**
 * The operator's view of the screen in the hall, on their own screen: what the projector
 * shows, what comes next, how many wait for moderation, and the buttons that change it (plain
 * form posts, so keyboard and no-JS work). The projector view itself shows none of this.
 */
import { Form, href, Link } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { answerIntent } from "~/platform/intent.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { adminTitle } from "~/auth/admin-title";
import { RowAction } from "~/components/intent-forms";
import { LiveNote, useLiveUpdates } from "~/components/live";
import { supportCountText } from "~/components/question-list";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { hallUrl } from "~/questions/questions.server";
import { present, presentStepFrom, screenControlView } from "~/questions/hall.server";
import type { Route } from "./+types/question-control";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [{ title: adminTitle(`${t("present.control.title")}: ${data?.meeting.title ?? ""}`) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  return {
    meeting: { id: meeting.id, title: meeting.title },
    hall: hallUrl(service, meeting),
    // The presenter may list only the questions from online attendees, to take them in turn.
    digitalOnly: new URL(request.url).searchParams.get("source") === "online",
    ...screenControlView(db, meeting),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  return answerIntent(() => {
    present(service, organiser, meeting, presentStepFrom(formData));
    const back = href("/admin/meetings/:id/present/control", { id: String(meeting.id) });
    const from = new URL(request.url).searchParams.get("source");
    return redirect(from === "online" ? `${back}?source=online` : back);
  });
}

export default function ScreenControl({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { meeting, current, next, index, agenda, pending, hall, phase, digitalOnly } = loaderData;
  const listed = digitalOnly ? agenda.filter((q) => q.digital) : agenda;
  const id = String(meeting.id);
  const live = useLiveUpdates(href("/admin/meetings/:id/questions/events", { id }));
  return (
    <>
      <p>
        <Link to={href("/admin/meetings/:id/questions", { id })}>{t("aq.back")}</Link>
      </p>
      <h1>{t("present.control.title")}</h1>
      <p className={phase === "cancelled" ? "notice notice-warning" : "notice"} id="control-phase">
        {t(`present.phase.${phase}`)}
      </p>
      <LiveNote state={live} live={t("aq.live.on")} off={t("aq.live.off")} id="control-live" />
      <section aria-labelledby="projector-heading" className="card">
        <h2 id="projector-heading">{t("present.control.projector")}</h2>
        <p>{t("present.control.howTwo")}</p>
        <p>{t("present.control.howOne")}</p>
        <p>
          <a
            className="button"
            href={href("/admin/meetings/:id/present", { id })}
            target="_blank"
            rel="noopener"
            id="open-projector"
          >
            {t("present.control.open")}
            <span className="visually-hidden"> {t("present.control.newWindow")}</span>
          </a>
        </p>
        <p className="hint">{t("present.hall", { url: hall })}</p>
      </section>

      <section aria-labelledby="now-heading" className="card screen-now">
        <h2 id="now-heading">{t("present.control.now")}</h2>
        <div aria-live="polite" id="control-now">
          {current ? (
            <>
              <p className="hint">
                {t("present.position", { at: index + 1, count: agenda.length })} ·{" "}
                {current.theme ?? t("questions.other")} ·{" "}
                {current.digital ? <>{t("present.digital")} · </> : null}
                {supportCountText(t, current.supportCount)}
              </p>
              <p className="question-text">{current.text}</p>
            </>
          ) : (
            <p>{t("present.empty")}</p>
          )}
        </div>
        <Form method="post" className="screen-controls">
          <button type="submit" name="intent" value="previous" className="button button-secondary">
            {t("present.previous")}
          </button>
          <button type="submit" name="intent" value="next" className="button">
            {t("present.next")}
          </button>
          <button type="submit" name="intent" value="clear" className="button button-secondary">
            {t("present.clear")}
          </button>
        </Form>
        <h3>{t("present.control.next")}</h3>
        <p className="question-text" id="control-next">
          {next ? next.text : t("present.control.nextNone")}
        </p>
        <p id="control-pending">
          {t("present.pending", { count: pending })}{" "}
          <Link to={`${href("/admin/meetings/:id/questions", { id })}?status=pending`}>
            {t("present.control.moderate")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="order-heading">
        <h2 id="order-heading">{t("aq.agenda")}</h2>
        <nav aria-label={t("aq.sourceLabel")}>
          <ul className="button-row filters-nav">
            {([false, true] as const).map((only) => (
              <li key={String(only)}>
                <Link
                  to={only ? "?source=online" : "?"}
                  aria-current={only === digitalOnly ? "page" : undefined}
                  className={
                    only === digitalOnly
                      ? "button button-small"
                      : "button button-secondary button-small"
                  }
                >
                  {t(only ? "aq.source.online" : "aq.source.all")}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {listed.length === 0 ? (
          <p>{t("aq.agendaEmpty")}</p>
        ) : (
          <ol className="agenda-order">
            {listed.map((q) => (
              <li key={q.id} className={q.id === current?.id ? "now-answering" : undefined}>
                <span className="agenda-text">
                  {q.digital ? <strong>{t("present.digital")}: </strong> : null}
                  {q.text}
                  {q.id === current?.id ? <strong> ({t("aq.nowShowing")})</strong> : null}
                </span>
                <RowAction
                  idField="questionId"
                  id={q.id}
                  rowName={`#${q.id}`}
                  intent="show"
                  label={t("aq.show")}
                  disabled={q.id === current?.id}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
