/**
 * Mail about a meeting rather than about one registration: a change of time or place, a
 * cancellation or its reversal, a reminder, and an organiser's message to attendees. All of it
 * is rendered as React text, so nothing an organiser or citizen typed can become markup.
 */
import { Heading, Link, Section, Text } from "./components";
import {
  Agenda,
  displayName,
  Greeting,
  CalendarLinks,
  Layout,
  Detail,
  ManageLink,
  MeetingDetails,
  MeetingFooter,
  OnlineSection,
  styles,
  type OnlinePart,
  type CalendarLinkSet,
} from "./layout";
import type { RegistrationEmailProps } from "./registration-email";
import { mailTexts, type MailLanguage, type MailTexts } from "./texts";
import { waitlistPlace, type Slots } from "./skeleton";

/**
 * "stream": an online attendee's link to the stream, at its reveal time; "recording": the
 * recording, once after the meeting, to everyone still signed up.
 */
export type MeetingEmailKind =
  "changed" | "cancelled" | "restored" | "reminder" | "message" | "stream" | "recording";

export interface MeetingEmailProps {
  /** The recipient's language; bokmål when the payload says nothing. */
  language?: MailLanguage;
  kind: MeetingEmailKind;
  name: string;
  status: "confirmed" | "waitlisted";
  partySize: number;
  waitlistPosition: number | null;
  manageUrl: string;
  /** What changed since attendees were last told: each kind once, oldest before, newest after. */
  changes: { kind: "time" | "place"; before: string; after: string }[];
  /** The organiser's own words: a personal note on a notice, or the body of a message. */
  message: string | null;
  /** Subject an organiser wrote for a message to attendees. */
  subject: string | null;
  /** The same facts as in a registration mail; the agenda is always there. */
  meeting: RegistrationEmailProps["meeting"] & { agenda: string[] };
  /** Days after the meeting when personal data is erased (the privacy line says so). */
  retentionDays?: number;
  calendarAttached: boolean;
  calendarLinks: CalendarLinkSet | null;
  /** How this person attends, for a meeting held both in the hall and online; else absent. */
  attendance?: "hall" | "online" | null;
  /** For an online attendee: the stream, or when it comes. */
  online?: OnlinePart | null;
  /** The recording's address, for the recording mail. */
  recordingUrl?: string | null;
}

/**
 * What is personal in a meeting mail, which goes to every attendee at once: the greeting's
 * name, the personal link and a waitlist place; the rest is rendered once per content
 * (emails/skeleton.ts).
 */
export const meetingSlots: Slots<MeetingEmailProps> = {
  read: (props) => [
    displayName(props.name),
    props.manageUrl,
    ...waitlistPlace.read(props.waitlistPosition),
  ],
  write: (props, [name, manageUrl, place]) => ({
    ...props,
    name: name!,
    manageUrl: manageUrl!,
    waitlistPosition: waitlistPlace.write(props.waitlistPosition, place),
  }),
};

export function meetingSubject(
  p: Pick<MeetingEmailProps, "kind" | "meeting" | "subject" | "language">,
): string {
  const { t } = mailTexts(p.language);
  const { title, when } = p.meeting;
  if (p.kind === "message") {
    return t("meeting.subject.message", {
      subject: p.subject ?? t("meeting.subject.messageDefault"),
      title,
    });
  }
  return t(`meeting.subject.${p.kind}`, { title, when });
}

function changeLine({ t }: MailTexts, c: MeetingEmailProps["changes"][number]): string {
  return t(`meeting.change.${c.kind}`, { after: c.after, before: c.before });
}

function previewText(texts: MailTexts, p: MeetingEmailProps): string {
  const { title, when } = p.meeting;
  switch (p.kind) {
    case "changed":
      return texts.t("meeting.preview.changed", {
        title,
        changes: p.changes.map((c) => changeLine(texts, c)).join("; "),
      });
    case "message":
      return (p.message ?? "").slice(0, 140);
    default:
      return texts.t(`meeting.preview.${p.kind}`, { title, when });
  }
}

function Intro({ texts, ...p }: MeetingEmailProps & { texts: MailTexts }) {
  const { t } = texts;
  const { title, when } = p.meeting;
  const waitlisted = p.status === "waitlisted";
  switch (p.kind) {
    case "changed":
      return (
        <>
          <Text style={styles.p}>{t("meeting.intro.changed", { title })}</Text>
          <ul id="changes">
            {p.changes.map((c) => (
              <li key={c.kind} style={styles.p}>
                {changeLine(texts, c)}
              </li>
            ))}
          </ul>
          <Text style={styles.p}>
            {t(waitlisted ? "meeting.intro.changedWaitlisted" : "meeting.intro.changedConfirmed")}
          </Text>
        </>
      );
    case "cancelled":
      return (
        <Text style={styles.p}>
          {t(waitlisted ? "meeting.intro.cancelledWaitlisted" : "meeting.intro.cancelled", {
            title,
            when,
          })}
        </Text>
      );
    case "restored":
      return (
        <Text style={styles.p}>
          {t(waitlisted ? "meeting.intro.restoredWaitlisted" : "meeting.intro.restored", {
            title,
            when,
          })}
        </Text>
      );
    case "reminder":
      return (
        <Text style={styles.p}>
          {!waitlisted
            ? t("meeting.intro.reminder", {
                title,
                when,
                people: t("people", { count: p.partySize }),
              })
            : p.waitlistPosition === null
              ? t("meeting.intro.reminderWaitlisted", { title, when })
              : t("meeting.intro.reminderWaitlistedAt", {
                  title,
                  when,
                  position: p.waitlistPosition,
                })}
        </Text>
      );
    case "stream":
      return <Text style={styles.p}>{t("meeting.intro.stream", { title, when })}</Text>;
    case "recording":
      return (
        <>
          <Text style={styles.p}>{t("meeting.intro.recording", { title })}</Text>
          {p.recordingUrl ? (
            <Text style={styles.p}>
              {texts.rich("meeting.recording", {
                url: (
                  <Link href={p.recordingUrl} style={styles.link} id="recording-link">
                    {p.recordingUrl}
                  </Link>
                ),
              })}
            </Text>
          ) : null}
        </>
      );
    case "message":
      return null;
  }
}

export function MeetingEmail(props: MeetingEmailProps) {
  const { kind, name, meeting, message, calendarAttached, calendarLinks } = props;
  const texts = mailTexts(props.language);
  const { t } = texts;
  // After the meeting (the recording) there is nothing more to come to or change.
  const happening = kind !== "cancelled" && kind !== "recording";
  const holdsSeat = happening && props.status === "confirmed";
  return (
    <Layout
      texts={texts}
      preview={previewText(texts, props)}
      heading={kind === "message" && props.subject ? props.subject : t(`meeting.heading.${kind}`)}
      footer={<MeetingFooter texts={texts} meeting={meeting} retentionDays={props.retentionDays} />}
    >
      <Greeting texts={texts} name={name} />
      <Intro {...props} texts={texts} />
      {message !== null && message.trim() !== "" ? (
        <Section id="personal-message">
          {message
            .trim()
            .split(/\n{2,}/)
            .map((para, i) => (
              <Text key={i} style={styles.prose}>
                {para}
              </Text>
            ))}
        </Section>
      ) : null}

      <Section>
        <Heading as="h2" style={styles.h2}>
          <span lang={meeting.textLang?.title}>{meeting.title}</span>
        </Heading>
        {happening && props.attendance ? (
          <Detail label={t("detail.attendance")}>
            <span id="attendance">{t(`attendance.${props.attendance}`)}</span>
          </Detail>
        ) : null}
        <MeetingDetails
          texts={texts}
          meeting={meeting}
          practical={happening}
          online={props.online}
        />
      </Section>

      {holdsSeat && props.online ? <OnlineSection texts={texts} online={props.online} /> : null}

      {holdsSeat && <Agenda texts={texts} items={meeting.agenda} lang={meeting.textLang?.agenda} />}

      {calendarAttached && (
        <Text style={styles.p} id="calendar-note">
          {t(kind === "cancelled" ? "calendar.cancelAttached" : "calendar.updateAttached")}
        </Text>
      )}
      {calendarLinks && holdsSeat && <CalendarLinks texts={texts} links={calendarLinks} />}

      {happening ? <ManageLink texts={texts} href={props.manageUrl} rejoin={false} /> : null}
    </Layout>
  );
}
