import { Form, href, Link, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import {
  changeMeetingStatus,
  deleteRefusedReason,
  duplicateMeeting,
  publishRefusedReason,
  dashboardIntents,
} from "~/meetings/editor.server";
import { Refusal } from "~/platform/refusal.server";
import { answerIntent, readIntent } from "~/platform/intent.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { saveRecording } from "~/meetings/recording.server";
import { dashboard } from "~/dashboard/dashboard.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { MeetingFacts } from "~/components/meeting-facts";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { formatDate, formatDateTime, formatMeetingTime } from "~/platform/dates";
import { TableHead } from "~/components/table-head";
import { PendingChanges } from "~/components/pending-changes";
import { ActionError } from "~/components/intent-forms";
import { adminTitle } from "~/auth/admin-title";
import { isMessageKey, languageNames, translator, type Translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { pendingQuestionCount, privateQuestionCount } from "~/questions/moderation.server";
import { noticeCalls } from "~/notices/notice-calls.server";
import { NoticeCallList } from "~/components/notice-calls";
import { meetingTextLanguages, writtenLanguages } from "~/meetings/meeting-texts.server";
import type { Route } from "./+types/meeting-dashboard";

export function meta({ data }: Route.MetaArgs) {
  return [
    {
      title: adminTitle(`${data?.meeting.title ?? ""} – ${translator()("dashboard.title")}`),
    },
  ];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db, env } = services();
  const meeting = requireMeeting(db, params.id);
  const written = writtenLanguages(db, meeting.id);
  return {
    ...dashboard(db, meeting, env.RETENTION_DAYS),
    pendingQuestions: pendingQuestionCount(db, meeting),
    privateQuestions: privateQuestionCount(db, meeting),
    publishRefused: publishRefusedReason(meeting),
    deleteRefused: deleteRefusedReason(db, meeting),
    calls: noticeCalls(db, meeting),
    texts: meetingTextLanguages.map((language) => ({
      language,
      name: languageNames[language],
      written: written.includes(language),
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  return answerIntent(() => {
    const form = readIntent(formData, dashboardIntents);
    if (form.intent === "duplicate") {
      const copy = duplicateMeeting(service, organiser, meeting.id);
      return redirect(`${href("/admin/meetings/:id/edit", { id: String(copy) })}?duplicated=1`);
    }
    if (form.intent === "recording") {
      saveRecording(service, organiser, meeting.id, form.recordingUrl);
      return redirect(`${href("/admin/meetings/:id", { id: String(meeting.id) })}?recording=1`);
    }
    if (form.intent === "cancel" && form.confirm !== "yes") {
      throw new Refusal("dashboard.cancelNotConfirmed");
    }
    changeMeetingStatus(service, organiser, meeting.id, form.intent);
    return redirect(`${href("/admin/meetings/:id", { id: String(meeting.id) })}?status=1`);
  });
}

export default function Dashboard({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const {
    meeting,
    counts,
    seatsLeft,
    checkIns,
    perDay,
    themes,
    pendingChanges,
    retention,
    reminders,
  } = loaderData;
  const id = String(meeting.id);
  return (
    <>
      <h1>{meeting.title}</h1>
      <p>
        <strong>{t("meetings.status")}:</strong>{" "}
        <span id="meeting-phase">{t(`meetings.phase.${loaderData.phase}`)}</span>
      </p>
      {params.has("created") ? <Notice text={t("editor.created")} /> : null}
      {params.has("saved") ? <Notice text={t("editor.saved")} /> : null}
      {params.has("status") ? <Notice text={t("dashboard.statusChanged")} /> : null}
      {params.has("recording") ? <Notice text={t("recording.saved")} /> : null}
      {params.has("notified") ? (
        <Notice text={t("notice.sent", { count: Number(params.get("notified")) || 0 })} />
      ) : null}
      {params.has("messaged") ? (
        <Notice text={t("message.sent", { count: Number(params.get("messaged")) || 0 })} />
      ) : null}
      <ActionError error={actionData?.error} />

      {pendingChanges.length > 0 ? (
        <section aria-labelledby="changes-heading" className="notice notice-warning">
          <h2 id="changes-heading">{t("dashboard.changes")}</h2>
          <PendingChanges changes={pendingChanges} />
          <p>{t("dashboard.changesNote")}</p>
          <p>
            <Link className="button" to={href("/admin/meetings/:id/notice", { id })}>
              {t("notice.link")}
            </Link>
          </p>
        </section>
      ) : null}
      {loaderData.calls.length > 0 ? (
        <NoticeCallList meetingId={meeting.id} calls={loaderData.calls} back="dashboard" />
      ) : null}

      <nav aria-label={t("dashboard.title")}>
        <ul className="button-row">
          <li>
            <Link className="button" to={href("/admin/meetings/:id/attendees", { id })}>
              {t("dashboard.attendees")}
            </Link>
          </li>
          <li>
            <Link className="button" to={href("/admin/meetings/:id/checkin", { id })}>
              {t("dashboard.checkin")}
            </Link>
          </li>
          <li>
            <Link className="button" to={href("/admin/meetings/:id/questions", { id })}>
              {t("aq.link")}{" "}
              <span id="pending-questions">
                ({t("aq.pendingCount", { count: loaderData.pendingQuestions })})
              </span>
            </Link>
          </li>
          <li>
            <Link
              className="button button-secondary"
              to={`${href("/admin/meetings/:id/questions", { id })}?status=private`}
            >
              <span id="private-questions">
                {t("aq.privateCount", {
                  count: loaderData.privateQuestions.total,
                  answered: loaderData.privateQuestions.answered,
                })}
              </span>
            </Link>
          </li>
          <li>
            <Link className="button button-secondary" to={href("/admin/meetings/:id/edit", { id })}>
              {t("dashboard.edit")}
            </Link>
          </li>
          <li>
            <Link
              className="button button-secondary"
              to={href("/admin/meetings/:id/message", { id })}
            >
              {t("message.link")}
            </Link>
          </li>
          <li>
            <Link
              className="button button-secondary"
              to={href("/admin/meetings/:id/outbox", { id })}
            >
              {t("outbox.link")}
            </Link>
          </li>
          <li>
            {meeting.status === "draft" ? (
              <Link
                className="button button-secondary"
                to={href("/admin/meetings/:id/preview", { id })}
              >
                {t("dashboard.preview")}
              </Link>
            ) : (
              <Link
                className="button button-secondary"
                to={href("/meetings/:slug", { slug: meeting.slug })}
              >
                {t("dashboard.public")}
              </Link>
            )}
          </li>
        </ul>
      </nav>

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">{t("dashboard.stats")}</h2>
        <dl className="stats">
          {meeting.attendance !== "online" ? (
            <>
              <Stat
                label={t(
                  meeting.attendance === "both"
                    ? "dashboard.registeredHall"
                    : "dashboard.registeredPeople",
                )}
                value={`${counts.confirmedPeople - counts.onlinePeople} / ${meeting.capacity}`}
                id="stat-registered"
              />
              <Stat label={t("dashboard.seatsLeft")} value={seatsLeft} id="stat-seats-left" />
            </>
          ) : null}
          {meeting.attendance !== "hall" ? (
            <Stat
              label={t("dashboard.registeredOnline")}
              value={
                meeting.onlineCapacity === null
                  ? String(counts.onlinePeople)
                  : `${counts.onlinePeople} / ${meeting.onlineCapacity}`
              }
              id="stat-online"
            />
          ) : null}
          <Stat
            label={t("dashboard.waitlist")}
            value={counts.waitlistedPeople}
            id="stat-waitlist"
          />
          <Stat
            label={t("dashboard.cancellations")}
            value={counts.cancelledRegistrations}
            id="stat-cancelled"
          />
          <Stat
            label={t("dashboard.checkedIn")}
            value={`${checkIns.arrivedPeople} / ${checkIns.expectedPeople}`}
            id="stat-checked-in"
          />
        </dl>
        <p id="retention">
          {retention.anonymisedAt
            ? t("dashboard.retentionDone", { date: formatDate(retention.anonymisedAt) })
            : t("dashboard.retention", { date: formatDate(retention.anonymiseAt) })}
        </p>
      </section>

      {loaderData.online ? (
        <section aria-labelledby="online-heading">
          <h2 id="online-heading">{t("dashboard.online")}</h2>
          <ul id="online-status">
            <li>
              {t(loaderData.online.streamSet ? "dashboard.streamSet" : "dashboard.streamMissing")}
            </li>
            {loaderData.online.dialInSet ? <li>{t("dashboard.dialInSet")}</li> : null}
            <li>
              {t("dashboard.streamReveal", {
                when: formatDateTime(loaderData.online.revealsAt),
                count: loaderData.online.streamMailsSent,
              })}
            </li>
          </ul>
        </section>
      ) : null}

      <RecordingSection
        recordingUrl={meeting.recordingUrl}
        recording={loaderData.recording}
        t={t}
      />

      <section aria-labelledby="texts-heading">
        <h2 id="texts-heading">{t("meetingTexts.dashboard")}</h2>
        <p>{t("meetingTexts.dashboard.hint")}</p>
        <ul id="meeting-texts">
          {loaderData.texts.map((l) => (
            <li key={l.language}>
              <Link
                to={href("/admin/meetings/:id/texts/:language", {
                  id: String(meeting.id),
                  language: l.language,
                })}
              >
                <span lang={l.language}>{l.name}</span>
              </Link>{" "}
              (
              {l.written
                ? t("meetingTexts.dashboard.written")
                : t("meetingTexts.dashboard.notWritten")}
              )
            </li>
          ))}
        </ul>
      </section>

      <ArchiveSection id={meeting.id} archive={loaderData.archive} t={t} />

      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">{t("reminders.heading")}</h2>
        {reminders.length === 0 ? (
          <p>{t("reminders.none")}</p>
        ) : (
          <ul id="reminder-schedule">
            {reminders.map((r) => (
              <li key={r.hours}>
                {t("reminders.line", {
                  when: reminderLabel(t, r.hours),
                  due: formatDateTime(r.dueAt),
                  count: r.sent,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t("dashboard.overTime")}</h2>
        {perDay.length === 0 ? (
          <p>{t("dashboard.noRegistrations")}</p>
        ) : (
          <Chart perDay={perDay} t={t} />
        )}
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t("dashboard.themes")}</h2>
        <p>{t("dashboard.themesLater")}</p>
        <ul>
          {themes.map((theme) => (
            <li key={theme.id}>{theme.title}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("editor.basics")}</h2>
        <MeetingFacts
          meeting={meeting}
          when={formatMeetingTime(meeting.startsAt, meeting.endsAt)}
          t={t}
        />
      </section>

      <section aria-labelledby="status-heading" className="card">
        <h2 id="status-heading">{t("meetings.status")}</h2>
        <div className="button-row">
          {meeting.status === "draft" && !loaderData.publishRefused ? (
            <StatusButton intent="publish" label={t("dashboard.publish")} />
          ) : null}
          {meeting.status === "published" ? (
            <StatusButton intent="unpublish" label={t("dashboard.unpublish")} secondary />
          ) : null}
          {meeting.status === "cancelled" ? (
            <StatusButton intent="restore" label={t("dashboard.restore")} />
          ) : null}
          <StatusButton intent="duplicate" label={t("dashboard.duplicate")} secondary />
        </div>
        {meeting.status === "draft" && loaderData.publishRefused ? (
          <p id="publish-refused">{t("dashboard.publishPast")}</p>
        ) : null}
        {meeting.status === "draft" ? (
          <p className="danger-zone">
            {loaderData.deleteRefused ? (
              t("dashboard.deleteBlocked")
            ) : (
              <Link
                className="button button-danger"
                to={href("/admin/meetings/:id/delete", { id })}
              >
                {t("dashboard.delete")}
              </Link>
            )}
          </p>
        ) : null}
        {meeting.status !== "cancelled" ? (
          <Form method="post" className="danger-zone">
            <div className="checkbox">
              <input type="checkbox" id="confirm-cancel" name="confirm" value="yes" />
              <label htmlFor="confirm-cancel">{t("dashboard.cancelConfirm")}</label>
            </div>
            <button type="submit" name="intent" value="cancel" className="button button-danger">
              {t("dashboard.cancelMeeting")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}

/** The recording's address, once the meeting has begun, and how many it was mailed to. */
function RecordingSection({
  recordingUrl,
  recording,
  t,
}: {
  recordingUrl: string | null;
  recording: { mayAdd: boolean; mailed: number };
  t: Translate;
}) {
  return (
    <section aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t("recording.heading")}</h2>
      {recording.mayAdd ? (
        <Form method="post">
          <input type="hidden" name="intent" value="recording" />
          <div className="field">
            <label htmlFor="recording-url">{t("recording.url")}</label>
            <p className="hint" id="recording-url-hint">
              {t("recording.hint")}
            </p>
            <input
              id="recording-url"
              name="recordingUrl"
              type="url"
              defaultValue={recordingUrl ?? ""}
              aria-describedby="recording-url-hint"
            />
          </div>
          <button type="submit" className="button">
            {t("recording.save")}
          </button>
        </Form>
      ) : (
        <p>{t("recording.notYet")}</p>
      )}
      <p id="recording-mailed">{t("recording.mailed", { count: recording.mailed })}</p>
    </section>
  );
}

function Notice({ text }: { text: string }) {
  return (
    <p className="notice notice-success" role="status">
      {text}
    </p>
  );
}

function Stat({ label, value, id }: { label: string; value: string | number; id: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd id={id}>{value}</dd>
    </div>
  );
}

function StatusButton({
  intent,
  label,
  secondary,
}: {
  intent: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <Form method="post">
      <button
        type="submit"
        name="intent"
        value={intent}
        className={secondary ? "button button-secondary" : "button"}
      >
        {label}
      </button>
    </Form>
  );
}

/** "1 uke før" for the editor's choices, "5 timer før" for anything else. */
function reminderLabel(t: Translate, hours: number) {
  const key = `editor.reminder.${hours}`;
  return isMessageKey(key) ? t(key) : t("reminders.hoursBefore", { hours });
}

/** Bars for the eye, the same numbers as a table for everyone (the chart itself is hidden from AT). */
function Chart({ perDay, t }: { perDay: { day: string; people: number }[]; t: Translate }) {
  const max = Math.max(...perDay.map((d) => d.people), 1);
  const barWidth = 28;
  const height = 120;
  const width = perDay.length * (barWidth + 8) + 8;
  return (
    <>
      <svg
        className="chart"
        aria-hidden="true"
        viewBox={`0 0 ${width} ${height + 4}`}
        width={Math.min(width, 720)}
      >
        {perDay.map((d, i) => {
          const h = Math.max(2, Math.round((d.people / max) * height));
          return (
            <rect
              key={d.day}
              x={8 + i * (barWidth + 8)}
              y={height - h + 2}
              width={barWidth}
              height={h}
              fill="#1d4f91"
            />
          );
        })}
      </svg>
      <table className="compact">
        <caption>{t("dashboard.overTimeCaption")}</caption>
        <TableHead columns={[t("dashboard.day"), t("dashboard.people")]} />
        <tbody>
          {perDay.map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              <td>{d.people}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ArchiveSection({
  id,
  archive,
  t,
}: {
  id: number;
  archive: Route.ComponentProps["loaderData"]["archive"];
  t: Translate;
}) {
  const params = { id: String(id) };
  const paths = {
    pdf: href("/admin/meetings/:id/archive.pdf", params),
    csv: href("/admin/meetings/:id/archive.csv", params),
    json: href("/admin/meetings/:id/archive.json", params),
  };
  const erasure = formatDate(archive.erasureAt);
  return (
    <section aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t("dashboard.archive.heading")}</h2>
      <p
        id="archive-status"
        className={archive.beforeErasure ? undefined : "notice notice-warning"}
      >
        {archive.last
          ? t(archive.beforeErasure ? "dashboard.archive.done" : "dashboard.archive.late", {
              date: formatDate(archive.last.at),
              format: archive.last.format.toUpperCase(),
              erasure,
            })
          : t("dashboard.archive.none", { date: erasure })}
      </p>
      <p>{t("dashboard.archive.intro")}</p>
      {/* Downloads: a plain GET form, so the browser saves the file and no script is needed. */}
      <form method="get" action={paths.pdf} className="archive-form">
        <div className="field checkbox">
          <input
            type="checkbox"
            id="archive-personal"
            name="personal"
            value="1"
            aria-describedby="archive-personal-help"
          />
          <label htmlFor="archive-personal">{t("dashboard.archive.personal")}</label>
          <p id="archive-personal-help" className="hint">
            {t("dashboard.archive.personalHelp")}
          </p>
        </div>
        <p className="actions">
          <button type="submit" className="button">
            {t("dashboard.archive.pdf")}
          </button>
          <button type="submit" formAction={paths.csv} className="button button-secondary">
            {t("dashboard.archive.csv")}
          </button>
          <button type="submit" formAction={paths.json} className="button button-secondary">
            {t("dashboard.archive.json")}
          </button>
        </p>
      </form>
    </section>
  );
}
