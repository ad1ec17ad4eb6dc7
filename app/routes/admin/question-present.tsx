import "~/i18n/organiser-texts";
import QRCode from "qrcode";
import { useEffect } from "react";
import { data, Form, href, Link, useFetcher } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { supportCountText, useLiveQuestions } from "~/components/questions";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/dashboard.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { hallUrl, present, presenterView } from "~/questions/questions.server";
import type { Route } from "./+types/question-present";

/**
 * The projector in the hall: one question at a time in large type, its theme and support,
 * and the short link and QR code for sending questions from a phone. Arrow keys (and the
 * Page Up/Down a presentation clicker sends) step through the panel's order; what is shown
 * here is the "now answering" mark on the public pages.
 */
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
    hallQr: await QRCode.toDataURL(hall, { width: 320, margin: 1 }),
    ...presenterView(db, meeting),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const intent = (await readForm(request)).get("intent");
  if (intent !== "next" && intent !== "previous" && intent !== "clear") {
    return data({ error: "error.intent.unknown" }, { status: 400 });
  }
  present(service, organiser, meeting, intent);
  return redirect(href("/admin/meetings/:id/present", { id: String(meeting.id) }));
}

export default function Present({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const fetcher = useFetcher();
  const { meeting, current, index, agenda, pending, hall, hallQr } = loaderData;
  useLiveQuestions(meeting.slug);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if ((event.target as HTMLElement | null)?.closest("input, textarea, select")) return;
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
    <div className="presenter">
      <header className="presenter-header">
        <p>
          <Link to={href("/admin/meetings/:id/questions", { id: String(meeting.id) })}>
            {t("aq.back")}
          </Link>
        </p>
        <h1>{meeting.title}</h1>
        {current ? (
          <p className="presenter-position" id="presenter-position">
            {t("present.position", { at: index + 1, count: agenda.length })}
          </p>
        ) : null}
      </header>
      <div className="presenter-main" aria-live="polite">
        {current ? (
          <>
            <p className="presenter-theme">{current.theme ?? t("questions.other")}</p>
            <p className="presenter-question" id="presenter-question">
              {current.text}
            </p>
            <p className="presenter-support">{supportCountText(t, current.supportCount)}</p>
          </>
        ) : (
          <p className="presenter-question" id="presenter-question">
            {t("present.empty")}
          </p>
        )}
      </div>
      <footer className="presenter-footer">
        <Form method="post" className="presenter-controls">
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
        <p className="hint">
          {t("present.keys")}{" "}
          <span id="presenter-pending">{t("present.pending", { count: pending })}</span>
        </p>
        <div className="presenter-hall">
          <img src={hallQr} alt={t("present.qrAlt", { url: hall })} width={160} height={160} />
          <p>{t("present.hall", { url: hall })}</p>
        </div>
      </footer>
    </div>
  );
}
