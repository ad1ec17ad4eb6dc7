import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { qrCodeDataUrl } from "../../emails/qr-code";
import { data, Form, href, Link, useNavigation } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { ErrorSummary } from "~/components/error-summary";
import { formErrors } from "~/components/fields";
import { MeetingFacts } from "~/components/meeting-facts";
import { formatMeetingTime } from "~/platform/dates";
import { AddToCalendar } from "~/components/add-to-calendar";
import { calendarLinksFor } from "~/meetings/calendar-feed.server";
import { PartyAndNeedsFields } from "~/components/registration-fields";
import { AttendanceChoice } from "~/components/attendance-choice";
import { OnlineCard } from "~/components/online-card";
import { services } from "~/platform/context.server";
import { requestLanguage } from "~/platform/language.server";
import { localisedMeeting } from "~/meetings/meeting-texts.server";
import { readForm } from "~/platform/forms.server";
import {
  changeConstraint,
  changeSchema,
  toNeeds,
  type ChangeValues,
  type FormConstraint,
} from "~/registrations/forms";
import { type MessageKey, type Translate } from "~/i18n";
import type { MeetingPhase } from "~/meetings/phase";
import { phaseView } from "~/questions/after.server";
import { PhaseNote } from "~/components/meeting-phase";
import { metaT, useT } from "~/i18n/react";
import { manageView, requireRegistrationByToken } from "~/registrations/manage.server";
import { privateHeaders, privatePageMeta } from "~/platform/private-page";
import { replyToCitizenRegistrationError } from "~/registrations/errors.server";
import {
  changeRegistration,
  rejoinRegistration,
  RegistrationError,
} from "~/registrations/registrations.server";
import { checkInUrl, manageUrl } from "~/registrations/registration-mail.server";
import type { Needs } from "~/registrations/registrations.server";
import type { Route } from "./+types/manage";

export function meta({ data, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  if (!data) return [{ title: t("manage.notFound.title") }];
  const heading = headingKey(data.registration.status, data.state.phase);
  return [{ title: `${t(heading)} – ${data.meeting.title}` }, ...privatePageMeta];
}

type Status = "confirmed" | "waitlisted" | "cancelled";

/** The meeting's state comes first: nobody is "påmeldt" to a meeting that is off or over. */
function headingKey(status: Status, phase: MeetingPhase): MessageKey {
  if (phase === "cancelled") return "confirm.title.meetingCancelled";
  if (phase === "ended") return "confirm.title.ended";
  return `confirm.title.${status}`;
}

function statusText(t: Translate, status: Status, phase: MeetingPhase, position: number | null) {
  if (phase === "cancelled" && status !== "cancelled") return t("confirm.status.meetingCancelled");
  if (status !== "waitlisted") return t(`confirm.status.${status}`);
  return phase === "ended"
    ? t("confirm.status.waitlistedEnded")
    : t("confirm.status.waitlisted", { position: position ?? "?" });
}

export function headers() {
  return privateHeaders;
}

const banners = ["saved", "cancelled", "rejoined"] as const;
type BannerKind = (typeof banners)[number];

export async function loader({ params, request }: Route.LoaderArgs) {
  const { db, service } = services();
  const now = new Date();
  const language = requestLanguage(request);
  const view = manageView(db, params.token, now, language);
  const search = new URL(request.url).searchParams;
  const { registration } = view;
  const { meeting } = requireRegistrationByToken(db, params.token);
  return data(
    {
      ...view,
      state: phaseView(db, meeting, now),
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt, language),
      calendarLinks: calendarLinksFor(service, localisedMeeting(db, meeting, language, []).meeting),
      checkInQr: registration.checkInCode
        ? await qrCodeDataUrl(checkInUrl(service, meeting.id, registration.checkInCode), 320)
        : null,
      manageUrl: manageUrl(service, params.token),
      changeConstraint: changeConstraint(view.meeting.maxPartySize),
      banner: banners.find((b) => search.has(b)) ?? null,
    },
    { headers: privateHeaders },
  );
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, service } = services();
  const { registration, meeting } = requireRegistrationByToken(db, params.token);
  const formData = await readForm(request);
  if (formData.get("intent") === "rejoin") {
    try {
      rejoinRegistration(service, registration.id, requestLanguage(request));
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      // Sign-up has closed meanwhile: the personal page says so.
      return redirect(href("/r/:token", { token: params.token }), {
        status: 303,
        headers: privateHeaders,
      });
    }
    return redirect(`${href("/r/:token", { token: params.token })}?rejoined=1`, {
      headers: privateHeaders,
    });
  }
  const submission = parseWithZod(formData, { schema: changeSchema(meeting.maxPartySize) });
  if (formData.get("intent") !== "update") {
    return data(
      { result: submission.reply({ formErrors: ["error.intent.unknown"] }) },
      { status: 400 },
    );
  }
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  try {
    changeRegistration(service, registration.id, {
      attendance: submission.value.attendance,
      partySize: submission.value.partySize,
      needs: toNeeds(submission.value),
      language: requestLanguage(request),
    });
  } catch (error) {
    const reply = replyToCitizenRegistrationError(submission, error);
    return data({ result: reply }, { status: 400 });
  }
  return redirect(`${href("/r/:token", { token: params.token })}?saved=1`, {
    headers: privateHeaders,
  });
}

export default function Manage({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const { registration, meeting, position, banner, state } = loaderData;
  const status = registration.status;
  return (
    <>
      <h1>{t(headingKey(status, state.phase))}</h1>
      <Banner banner={banner} status={status} position={position} t={t} />
      <PhaseNote state={state} reader="attendee" t={t} />
      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading">{t("confirm.summary")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("confirm.meeting")}</dt>
            <dd lang={loaderData.textLang.title}>
              {/* A meeting taken down again has no public page to go to. */}
              {state.phase === "draft" ? (
                meeting.title
              ) : (
                <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{meeting.title}</Link>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("confirm.status")}</dt>
            <dd id="registration-status">{statusText(t, status, state.phase, position)}</dd>
          </div>
          <div>
            <dt>{t("confirm.name")}</dt>
            <dd>{registration.name}</dd>
          </div>
          {registration.email ? (
            <div>
              <dt>{t("confirm.email")}</dt>
              <dd>{registration.email}</dd>
            </div>
          ) : null}
          {meeting.attendance === "both" ? (
            <div>
              <dt>{t("confirm.attendance")}</dt>
              <dd id="registration-attendance">
                {t(`confirm.attendance.${registration.attendance}`)}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("confirm.partySize")}</dt>
            <dd id="registration-party-size">{registration.partySize}</dd>
          </div>
          <div>
            <dt>{t("confirm.needs")}</dt>
            <dd>{needsText(registration, t)}</dd>
          </div>
        </dl>
        <MeetingFacts
          meeting={meeting}
          when={loaderData.when}
          textLang={loaderData.textLang}
          t={t}
        />
        {loaderData.expected ? (
          <AddToCalendar
            links={loaderData.calendarLinks}
            icsPath={href("/meetings/:slug/calendar.ics", { slug: meeting.slug })}
            icsLabel={t("confirm.calendar")}
            t={t}
          />
        ) : null}
      </section>

      {loaderData.stream ? (
        <OnlineCard stream={loaderData.stream} slug={meeting.slug} t={t} />
      ) : null}

      {loaderData.checkInQr && registration.checkInCode ? (
        <section aria-labelledby="checkin-heading" className="card qr">
          <h2 id="checkin-heading">{t("confirm.checkInHeading")}</h2>
          <img
            src={loaderData.checkInQr}
            alt={t("confirm.checkInQrAlt", { code: registration.checkInCode })}
            width={160}
            height={160}
          />
          <p>
            {t("confirm.checkInText")}{" "}
            <strong id="check-in-code" className="checkin-code">
              {registration.checkInCode}
            </strong>
          </p>
        </section>
      ) : null}

      {status === "cancelled" ? (
        <Rejoin
          rejoin={loaderData.rejoin}
          slug={state.phase === "draft" ? null : meeting.slug}
          t={t}
        />
      ) : loaderData.canChange || loaderData.canCancel ? (
        <>
          <section aria-labelledby="link-heading">
            <h2 id="link-heading">{t("confirm.manageHeading")}</h2>
            <p id="manage-link-help">{t("confirm.manageText")}</p>
            <p>
              <a id="manage-link" href={loaderData.manageUrl} aria-describedby="manage-link-help">
                {loaderData.manageUrl}
              </a>
            </p>
          </section>
          {loaderData.canChange ? (
            <ChangeForm
              registration={registration}
              chooseAttendance={meeting.attendance === "both"}
              revealMinutes={meeting.streamRevealMinutes}
              maxPartySize={meeting.maxPartySize}
              constraint={loaderData.changeConstraint}
              lastResult={actionData?.result}
            />
          ) : null}
          {loaderData.canCancel ? (
            <section aria-labelledby="cancel-heading">
              <h2 id="cancel-heading">{t("confirm.cancelHeading")}</h2>
              <p>{t("confirm.cancelText")}</p>
              <p>
                <Link
                  to={href("/r/:token/cancel", { token: params.token })}
                  className="button button-secondary"
                >
                  {t("confirm.cancelLink")}
                </Link>
              </p>
            </section>
          ) : null}
        </>
      ) : null}

      <p>
        <Link id="own-data-link" to={href("/r/:token/data", { token: params.token })}>
          {t("ownData.link")}
        </Link>
      </p>
    </>
  );
}

function Rejoin({
  rejoin,
  slug,
  t,
}: {
  rejoin: "open" | "closed" | "byOrganiser" | null;
  /** The public page to go back to, if there is one. */
  slug: string | null;
  t: Translate;
}) {
  const navigation = useNavigation();
  if (rejoin === "open") {
    return (
      <Form method="post">
        <p>{t("confirm.cancelledRejoin")}</p>
        <input type="hidden" name="intent" value="rejoin" />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("confirm.rejoin")}
        </button>
      </Form>
    );
  }
  return (
    <p>
      {t(rejoin === "byOrganiser" ? "confirm.cancelledByOrganiser" : "confirm.cancelledClosed")}{" "}
      {slug ? (
        <Link to={href("/meetings/:slug", { slug })}>{t("confirm.backToMeeting")}</Link>
      ) : null}
    </p>
  );
}

function Banner({
  banner,
  status,
  position,
  t,
}: {
  banner: BannerKind | null;
  status: string;
  position: number | null;
  t: Translate;
}) {
  if (!banner) return null;
  const text =
    banner === "saved"
      ? t("confirm.updatedBanner")
      : banner === "cancelled"
        ? t("cancel.done")
        : status === "waitlisted"
          ? t("confirm.rejoinedWaitlistBanner", { position: position ?? "?" })
          : t("confirm.rejoinedBanner");
  return (
    <p className="notice notice-success" role="status">
      {text}
    </p>
  );
}

interface ShownRegistration {
  partySize: number;
  needs: Needs;
  attendance: "hall" | "online";
}

function needsText(registration: ShownRegistration, t: Translate) {
  const { needs } = registration;
  const parts = [
    needs.accessibility && t("rsvp.needs.accessibility"),
    needs.interpreter && t("rsvp.needs.interpreter"),
    needs.other && t("rsvp.needs.other"),
    needs.text,
  ].filter(Boolean);
  return parts.length ? parts.join(". ") : t("confirm.needsNone");
}

function ChangeForm({
  registration,
  chooseAttendance,
  revealMinutes,
  maxPartySize,
  constraint,
  lastResult,
}: {
  registration: ShownRegistration;
  /** A meeting held both ways: the attendee may move between hall and online. */
  chooseAttendance: boolean;
  revealMinutes: number;
  maxPartySize: number;
  constraint: FormConstraint;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const navigation = useNavigation();
  // Validated by the action only, so zod stays out of the page's JavaScript.
  const [form, fields] = useForm<ChangeValues>({
    id: "change",
    lastResult,
    constraint,
    defaultValue: {
      attendance: registration.attendance,
      partySize: String(registration.partySize),
      needsAccessibility: registration.needs.accessibility ? "on" : undefined,
      needsInterpreter: registration.needs.interpreter ? "on" : undefined,
      needsOther: registration.needs.other ? "on" : undefined,
      needsText: registration.needs.text,
    },
  });
  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading">{t("confirm.changeHeading")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={formErrors(form)} t={t} />
        <input type="hidden" name="intent" value="update" />
        {chooseAttendance ? (
          <AttendanceChoice
            field={fields.attendance}
            hallFull={false}
            onlineFull={false}
            revealMinutes={revealMinutes}
            t={t}
          />
        ) : null}
        <PartyAndNeedsFields fields={fields} maxPartySize={maxPartySize} t={t} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("confirm.save")}
        </button>
      </Form>
    </section>
  );
}
