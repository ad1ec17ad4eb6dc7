/**
 * The projector in the hall: one question at a time in large type, its theme and support,
 * and the short link and QR code for sending questions from a phone. Only what the hall
 * should see: the operator's buttons, the moderation count and what comes next are on the
 * control view (/present/control), on the operator's own screen. With one screen, arrow keys
 * (and the Page Up/Down a presentation clicker sends) step through the panel's order here,
 * and Tab brings up a link to the control view; what is shown here is the "now answering"
 * mark on the public pages.
 */
import "~/i18n/organiser-texts";
import { qrCodeDataUrl } from "../../../emails/qr-code";
import { useEffect } from "react";
import { href, Link, useFetcher } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { answerIntent } from "~/platform/intent.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { useLiveUpdates } from "~/components/live";
import { FittedText, fitClass } from "~/components/fitted-text";
import { supportCountText } from "~/components/question-list";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { hallUrl } from "~/questions/questions.server";
import { present, presentStepFrom, presenterView } from "~/questions/hall.server";
import type { Route } from "./+types/question-present";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [{ title: t("present.title", { title: data?.meeting.title ?? "" }) }];
}

export function headers() {
  return { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const hall = hallUrl(service, meeting);
  return {
    meeting: { id: meeting.id, title: meeting.title, slug: meeting.slug },
    hall,
    // Drawn large enough to stay sharp at 1080p; the page scales it to the screen.
    hallQr: await qrCodeDataUrl(hall, 480),
    ...presenterView(db, meeting),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  return answerIntent(() => {
    present(service, organiser, meeting, presentStepFrom(formData));
    return redirect(href("/admin/meetings/:id/present", { id: String(meeting.id) }));
  });
}

export default function Present({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const fetcher = useFetcher();
  const { meeting, current, index, agenda, hall, hallQr, phase } = loaderData;
  const id = String(meeting.id);
  // Over or called off: the hall is told so, and no longer asked for questions.
  const off =
    phase === "ended" ? t("present.over") : phase === "cancelled" ? t("present.cancelled") : null;
  useLiveUpdates(href("/admin/meetings/:id/questions/events", { id }));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if ((event.target as HTMLElement | null)?.closest("a, button, input, textarea, select")) {
        return;
      }
      const step =
        event.key === "ArrowRight" || event.key === "PageDown" || event.key === " "
          ? "next"
          : event.key === "ArrowLeft" || event.key === "PageUp"
            ? "previous"
            : null;
      if (!step) return;
      event.preventDefault();
      void fetcher.submit({ intent: step }, { method: "post" });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [fetcher]);
  return (
    <div className="projector">
      {/* Off the screen until focused: the one-screen operator's way back, never the hall's. */}
      <Link className="skip-link" to={href("/admin/meetings/:id/present/control", { id })}>
        {t("present.toControl")}
      </Link>
      <header className="projector-header">
        <h1>{meeting.title}</h1>
        {current && !off ? (
          <p className="projector-position" id="presenter-position">
            {t("present.position", { at: index + 1, count: agenda.length })}
          </p>
        ) : null}
      </header>
      <div className="projector-stage" aria-live="polite">
        {off ? (
          <FittedText
            className={`projector-question ${fitClass(off)}`}
            id="presenter-off"
            text={off}
          />
        ) : current ? (
          <>
            <p className="projector-theme">
              {current.theme ?? t("questions.other")}
              {current.digital ? (
                <>
                  {" "}
                  · <span id="presenter-digital">{t("present.digital")}</span>
                </>
              ) : null}
            </p>
            <FittedText
              className={`projector-question ${fitClass(current.text)}`}
              id="presenter-question"
              text={current.text}
            />
            <p className="projector-support">{supportCountText(t, current.supportCount)}</p>
          </>
        ) : (
          <FittedText
            className={`projector-question ${fitClass(t("present.idle"))}`}
            id="presenter-idle"
            text={t("present.idle")}
          />
        )}
      </div>
      {off ? null : (
        <aside className="projector-hall" aria-labelledby="projector-hall-text">
          <img
            src={hallQr}
            alt={t("present.qrAlt", { url: hall })}
            width={480}
            height={480}
            id="presenter-qr"
          />
          <p id="projector-hall-text">{t("present.hall", { url: hall })}</p>
        </aside>
      )}
    </div>
  );
}
