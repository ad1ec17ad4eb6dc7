import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, Link, useNavigation } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { HoneypotFields } from "~/components/honeypot-fields";
import { admitPublicPost, signUpCeilings } from "~/meetings/crowd.server";
import { browserIdHeaders, readBrowserKey } from "~/platform/browser-id.server";
import { ErrorSummary, FieldError } from "~/components/error-summary";
import { formErrors, TextField } from "~/components/fields";
import { Description, MeetingFacts } from "~/components/meeting-facts";
import { AddToCalendar } from "~/components/add-to-calendar";
import { calendarLinksFor } from "~/meetings/calendar-feed.server";
import { PartyAndNeedsFields } from "~/components/registration-fields";
import { AttendanceChoice, defaultAttendance } from "~/components/attendance-choice";
import { services } from "~/platform/context.server";
import { requestLanguage } from "~/platform/language.server";
import { readForm } from "~/platform/forms.server";
import { formatDateTime, formatMeetingTime } from "~/platform/dates";
import {
  rsvpConstraint,
  rsvpSchema,
  toNeeds,
  type FormConstraint,
  type RsvpValues,
} from "~/registrations/forms";
import { isSpam } from "~/platform/honeypot.server";
import type { Translate } from "~/i18n";
import { metaT, useContentLang, useT } from "~/i18n/react";
import { requirePublicMeeting } from "~/meetings/meetings.server";
import { publicMeetingView } from "~/registrations/public-view.server";
import { previewHeaders, requirePreview } from "~/meetings/preview.server";
import { replyToCitizenRegistrationError } from "~/registrations/errors.server";
import { register } from "~/registrations/registrations.server";
import { MeetingQuestions } from "~/components/questions";
import { meetingPageQuestions } from "~/questions/public-list.server";
import { phaseView } from "~/questions/after.server";
import { PhaseNote } from "~/components/meeting-phase";
import type { Route } from "./+types/meeting";
import { refusalInit } from "~/platform/refusal.server";

export function meta({ data, error, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  if (!data || error) return [{ title: t("meeting.notFound.title") }];
  const title = `${data.meeting.title} – ${t("site.name")}`;
  return [
    { title: data.preview ? `${data.preview.label}: ${title}` : title },
    ...(data.preview ? [{ name: "robots", content: "noindex" }] : []),
    {
      name: "description",
      content: data.meeting.description.split("\n")[0] ?? "",
    },
  ];
}

/**
 * Lets the action's Retry-After (rate limit) reach the client. The page is checked again on
 * every visit (ETag, see entry.server.tsx, so an unchanged page is a 304): it shows the
 * visitor's own support ("Du lurer også på dette") and questions that change during the
 * meeting, so a stale copy, even for seconds, would undo what they just did.
 */
export function headers({ actionHeaders, loaderHeaders }: Route.HeadersArgs) {
  if (actionHeaders.has("Retry-After")) return actionHeaders;
  if (loaderHeaders.has("X-Robots-Tag")) return loaderHeaders;
  return { "Cache-Control": "private, no-cache" };
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const { db, service } = services();
  // The same page is an organiser's preview of a draft (routes.ts, "meeting-preview").
  const { meeting, preview } =
    params.slug === undefined
      ? await requirePreview(request, db, params.id)
      : { meeting: requirePublicMeeting(db, params.slug), preview: null };
  const language = requestLanguage(request);
  const view = publicMeetingView(db, meeting, language);
  return data(
    {
      ...view,
      // Dates come formatted in the reader's language: the page's JavaScript carries no date
      // library (js-budget.test.ts).
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt, language),
      opensAt: meeting.registrationOpensAt
        ? formatDateTime(meeting.registrationOpensAt, language)
        : "",
      // The form's HTML constraints come from the server's schema; zod itself stays out of
      // the page's JavaScript (the action validates).
      rsvpConstraint: rsvpConstraint(meeting.maxPartySize),
      questions: meetingPageQuestions(db, meeting, await readBrowserKey(request), language),
      calendarLinks: calendarLinksFor(service, view.meeting),
      state: phaseView(db, meeting),
      preview,
    },
    { headers: preview ? previewHeaders : undefined },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  // A preview takes no sign-ups: its forms are switched off, and a post here is refused.
  if (params.slug === undefined) throw data(null, { status: 405 });
  const { db, service } = services();
  const meeting = requirePublicMeeting(db, params.slug);
  // Counted before the body is read: a client over the limit costs us no parsing.
  const { person, clientKey, refusal } = await admitPublicPost("signUp", {
    request,
    context,
    meeting,
  });
  if (refusal) {
    const result: SubmissionResult<string[]> = {
      status: "error",
      error: { "": [refusal.message] },
    };
    return data({ result }, refusalInit(refusal));
  }
  // An admitted post gives a new browser its id, whatever the answer.
  const headers = browserIdHeaders(person);
  const formData = await readForm(request);
  const schema = rsvpSchema(meeting.maxPartySize);
  const submission = parseWithZod(formData, { schema });
  if (await isSpam(formData)) {
    return data(
      { result: submission.reply({ formErrors: ["rsvp.spam"] }) },
      { status: 400, headers },
    );
  }
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400, headers });
  }
  const { name, email, partySize, attendance } = submission.value;
  try {
    register(
      service,
      meeting.id,
      {
        name,
        email,
        partySize,
        attendance,
        needs: toNeeds(submission.value),
        language: requestLanguage(request),
      },
      { clientKey, browserKey: person.key, ...signUpCeilings(meeting) },
    );
    // The same answer whether the address was new or already signed up: what happened, and
    // the personal link, are in the mail to that address only.
    return redirect(href("/meetings/:slug/sent", { slug: meeting.slug }), { headers });
  } catch (error) {
    const reply = replyToCitizenRegistrationError(submission, error);
    return data({ result: reply }, { status: 400, headers });
  }
}

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  const { meeting, descriptionHtml, agenda, themes, seatsLeft, closedReason, rsvpConstraint } =
    loaderData;
  const places = attendancePlaces(meeting, seatsLeft, loaderData.onlineLeft);
  // The lang of each of the meeting's texts shown in bokmål on a page in another language.
  const { textLang } = loaderData;
  const { preview, state } = loaderData;
  const signUpOpen = !closedReason;
  // Over or called off: nothing to sign up for or put in a calendar (a draft is a preview).
  const off = state.phase === "cancelled" || state.phase === "ended";
  const page = (
    <article className="meeting">
      <h1 lang={textLang.title}>{meeting.title}</h1>
      <PhaseNote state={state} reader="public" t={t} />
      <MeetingFacts meeting={meeting} when={loaderData.when} textLang={textLang} t={t} />
      {state.phase === "ended" && meeting.recordingUrl ? (
        <p className="notice" id="recording">
          <a href={meeting.recordingUrl} rel="noopener noreferrer">
            {t("meeting.recording")}
          </a>
        </p>
      ) : null}
      {signUpOpen ? (
        // The form is well below the fold on a phone. A plain fragment link: it works without
        // JavaScript, and the heading it lands on takes focus (tabIndex), so Tab goes on
        // into the form.
        <p className="jump-link">
          <a href="#rsvp-heading" className="button">
            {places.full ? t("rsvp.headingWaitlist") : t("rsvp.heading")}
          </a>
        </p>
      ) : null}
      {off ? null : (
        <AddToCalendar
          links={loaderData.calendarLinks}
          icsPath={href("/meetings/:slug/calendar.ics", { slug: meeting.slug })}
          icsLabel={t("meeting.calendar")}
          t={t}
        />
      )}
      <div className="columns">
        <div>
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">{t("meeting.about")}</h2>
            <Description html={descriptionHtml} lang={textLang.description} />
          </section>
          {agenda.length > 0 ? (
            <section aria-labelledby="agenda-heading">
              <h2 id="agenda-heading">{t("meeting.agenda")}</h2>
              <ol className="agenda" lang={textLang.agenda}>
                {agenda.map((item) => (
                  <li key={item.position}>
                    {item.timeLabel ? <span className="agenda-time">{item.timeLabel}</span> : null}
                    {item.title}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {themes.length > 0 ? (
            <section aria-labelledby="themes-heading">
              <h2 id="themes-heading">{t("meeting.themes")}</h2>
              <ul className="themes" lang={contentLang}>
                {themes.map((theme) => (
                  <li key={theme.id}>
                    <strong>{theme.title}</strong>
                    {theme.description ? <> – {theme.description}</> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {meeting.contactName ? (
            <section aria-labelledby="contact-heading">
              <h2 id="contact-heading">{t("meeting.contact")}</h2>
              <p>
                {meeting.contactName}
                {meeting.contactPhone ? (
                  <>, {t("meeting.phone", { phone: meeting.contactPhone })}</>
                ) : null}
                {meeting.contactEmail ? (
                  <>
                    , <a href={`mailto:${meeting.contactEmail}`}>{meeting.contactEmail}</a>
                  </>
                ) : null}
              </p>
            </section>
          ) : null}
        </div>
        {off ? null : (
          <section aria-labelledby="rsvp-heading" className="rsvp card">
            <h2 id="rsvp-heading" tabIndex={-1}>
              {places.full && !closedReason ? t("rsvp.headingWaitlist") : t("rsvp.heading")}
            </h2>
            {places.hall ? (
              <p id="seats" className="seats">
                {seatsLeft > 0
                  ? t(places.online ? "meeting.seatsLeftHall" : "meeting.seatsLeft", {
                      left: seatsLeft,
                      capacity: meeting.capacity,
                    })
                  : t(places.online ? "meeting.hallFull" : "meeting.full")}
              </p>
            ) : null}
            {places.online ? (
              <p id="online-places" className="seats">
                {loaderData.onlineLeft === null
                  ? t("meeting.online", { minutes: meeting.streamRevealMinutes })
                  : loaderData.onlineLeft > 0
                    ? t("meeting.onlineLeft", {
                        left: loaderData.onlineLeft,
                        capacity: meeting.onlineCapacity ?? 0,
                      })
                    : t("meeting.onlineFull")}
              </p>
            ) : null}
            {closedReason ? (
              <p className="notice">{closedText(t, closedReason, loaderData.opensAt)}</p>
            ) : (
              <RsvpForm
                slug={meeting.slug}
                maxPartySize={meeting.maxPartySize}
                places={places}
                revealMinutes={meeting.streamRevealMinutes}
                constraint={rsvpConstraint}
                lastResult={actionData?.result}
              />
            )}
          </section>
        )}
      </div>
      <MeetingQuestions
        slug={meeting.slug}
        questions={loaderData.questions}
        guidance={meeting.questionGuidance}
        guidanceLang={textLang.questionGuidance ?? null}
      />
    </article>
  );
  if (!preview) return page;
  return (
    <>
      <div className="notice notice-warning preview-banner" role="note" lang="nb">
        <p>
          <strong>{preview.label}.</strong> {preview.intro}
        </p>
        <p>
          <Link to={preview.dashboard}>{preview.back}</Link>
        </p>
      </div>
      {/* Every control on the page is disabled: a preview posts nothing. */}
      <fieldset disabled className="preview-frame">
        {page}
      </fieldset>
    </>
  );
}

/**
 * Which ways of attending the meeting offers and which are full; `full` is when every way
 * offered is, so that a sign-up goes on a waitlist.
 */
function attendancePlaces(
  meeting: { attendance: "hall" | "online" | "both" },
  seatsLeft: number,
  onlineLeft: number | null,
) {
  const hall = meeting.attendance !== "online";
  const online = meeting.attendance !== "hall";
  const hallFull = hall && seatsLeft === 0;
  const onlineFull = online && onlineLeft === 0;
  return {
    hall,
    online,
    hallFull,
    onlineFull,
    full: (!hall || hallFull) && (!online || onlineFull),
  };
}
type Places = ReturnType<typeof attendancePlaces>;

/** opensAt: when sign-up opens, as the reader writes it. */
function closedText(t: Translate, reason: string, opensAt: string) {
  // Cancelled and past meetings have no sign-up section: PhaseNote says why.
  switch (reason) {
    case "notOpenYet":
      return t("meeting.notOpenYet", {
        when: opensAt,
      });
    default:
      return t("meeting.closed");
  }
}

function RsvpForm({
  slug,
  maxPartySize,
  places,
  revealMinutes,
  constraint,
  lastResult,
}: {
  slug: string;
  maxPartySize: number;
  places: Places;
  revealMinutes: number;
  constraint: FormConstraint;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const navigation = useNavigation();
  // Validated by the action only: the same answer with and without JavaScript.
  const [form, fields] = useForm<RsvpValues>({
    id: "rsvp",
    lastResult,
    constraint,
    defaultValue: {
      partySize: "1",
      attendance: defaultAttendance(places.hallFull, places.onlineFull),
    },
  });
  return (
    // The fragment brings a browser without JavaScript back to the form and its errors.
    <Form
      method="post"
      action={`${href("/meetings/:slug", { slug })}#rsvp-heading`}
      {...getFormProps(form)}
      noValidate
    >
      <ErrorSummary errors={formErrors(form)} t={t} />
      <p className="hint">{t("rsvp.intro")}</p>
      <HoneypotFields />
      <TextField
        field={fields.name}
        label={
          <>
            {t("rsvp.name")} <span className="required">{t("rsvp.required")}</span>
          </>
        }
        autoComplete="name"
        t={t}
      />
      <TextField
        field={fields.email}
        label={
          <>
            {t("rsvp.email")} <span className="required">{t("rsvp.required")}</span>
          </>
        }
        hint={t("rsvp.emailHint")}
        type="email"
        autoComplete="email"
        spellCheck={false}
        t={t}
      />
      {places.hall && places.online ? (
        <AttendanceChoice
          field={fields.attendance}
          hallFull={places.hallFull}
          onlineFull={places.onlineFull}
          revealMinutes={revealMinutes}
          t={t}
        />
      ) : null}
      <PartyAndNeedsFields fields={fields} maxPartySize={maxPartySize} t={t} />
      <div className="field checkbox consent">
        <input {...getInputProps(fields.consent, { type: "checkbox" })} key={fields.consent.key} />
        <label htmlFor={fields.consent.id}>
          {t("rsvp.consent")} <span className="required">{t("rsvp.required")}</span>
        </label>
        <FieldError id={fields.consent.errorId} errors={fields.consent.errors} t={t} />
      </div>
      <p>
        <Link to={href("/privacy")}>{t("rsvp.privacyLink")}</Link>
      </p>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {places.full ? t("rsvp.submitWaitlist") : t("rsvp.submit")}
      </button>
    </Form>
  );
}
