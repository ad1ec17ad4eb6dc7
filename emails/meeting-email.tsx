import { Heading, Section, Text } from "@react-email/components";
import {
  Agenda,
  CalendarLinks,
  Layout,
  ManageLink,
  MeetingDetails,
  MeetingFooter,
  styles,
  type CalendarLinkSet,
} from "./layout";
import { people, type RegistrationEmailProps } from "./registration-email";

/**
 * Mail about a meeting rather than about one registration: a change of time or place, a
 * cancellation or its reversal, a reminder, and an organiser's message to attendees. All of it
 * is rendered as React text, so nothing an organiser or citizen typed can become markup.
 */
export type MeetingEmailKind = "changed" | "cancelled" | "restored" | "reminder" | "message";

export interface MeetingEmailProps {
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
}

const HEADINGS: Record<MeetingEmailKind, string> = {
  changed: "Møtet er endret",
  cancelled: "Møtet er avlyst",
  restored: "Møtet blir likevel holdt",
  reminder: "Påminnelse om møtet",
  message: "Melding om møtet",
};

export function meetingSubject(p: Pick<MeetingEmailProps, "kind" | "meeting" | "subject">): string {
  const { title, when } = p.meeting;
  switch (p.kind) {
    case "changed":
      return `Endret: ${title}, ${when}`;
    case "cancelled":
      return `Avlyst: ${title}, ${when}`;
    case "restored":
      return `Blir holdt likevel: ${title}, ${when}`;
    case "reminder":
      return `Påminnelse: ${title}, ${when}`;
    case "message":
      return `${p.subject ?? "Melding"} – ${title}`;
  }
}

function changeLine(c: MeetingEmailProps["changes"][number]): string {
  return c.kind === "time"
    ? `Ny tid: ${c.after} (var ${c.before})`
    : `Nytt sted: ${c.after} (var ${c.before})`;
}

function previewText(p: MeetingEmailProps): string {
  const { title, when } = p.meeting;
  switch (p.kind) {
    case "changed":
      return `${title} er endret: ${p.changes.map(changeLine).join("; ")}`;
    case "cancelled":
      return `${title}, ${when}, er avlyst.`;
    case "restored":
      return `${title} blir holdt likevel, ${when}.`;
    case "reminder":
      return `${title} er ${when}.`;
    case "message":
      return (p.message ?? "").slice(0, 140);
  }
}

function Intro(p: MeetingEmailProps) {
  const { title, when } = p.meeting;
  const waitlisted = p.status === "waitlisted";
  switch (p.kind) {
    case "changed":
      return (
        <>
          <Text style={styles.p}>{title} er endret:</Text>
          <ul id="changes">
            {p.changes.map((c) => (
              <li key={c.kind} style={styles.p}>
                {changeLine(c)}
              </li>
            ))}
          </ul>
          <Text style={styles.p}>
            {waitlisted
              ? "Du står fortsatt på ventelisten. Får du plass, sender vi en ny e-post."
              : "Plassen din gjelder fortsatt. Du trenger ikke gjøre noe."}
          </Text>
        </>
      );
    case "cancelled":
      return (
        <Text style={styles.p}>
          {title}, {when}, er avlyst. {waitlisted ? "Ventelisten gjelder ikke lenger." : ""}
        </Text>
      );
    case "restored":
      return (
        <Text style={styles.p}>
          {title} blir holdt likevel, {when}.{" "}
          {waitlisted ? "Du står på ventelisten igjen." : "Plassen din gjelder igjen."}
        </Text>
      );
    case "reminder":
      return waitlisted ? (
        <Text style={styles.p}>
          {title} er {when}. Du står fortsatt på ventelisten
          {p.waitlistPosition === null ? "" : ` som nummer ${p.waitlistPosition}`}, så du har ikke
          plass ennå. Får du plass, sender vi en ny e-post.
        </Text>
      ) : (
        <Text style={styles.p}>
          Velkommen til {title}, {when}. Vi har plass til {people(p.partySize)}.
        </Text>
      );
    case "message":
      return null;
  }
}

export function MeetingEmail(props: MeetingEmailProps) {
  const { kind, name, meeting, message, calendarAttached, calendarLinks } = props;
  const displayName = name.replace(/\s+/g, " ").trim();
  const happening = kind !== "cancelled";
  const holdsSeat = happening && props.status === "confirmed";
  return (
    <Layout
      preview={previewText(props)}
      heading={kind === "message" && props.subject ? props.subject : HEADINGS[kind]}
      footer={<MeetingFooter meeting={meeting} retentionDays={props.retentionDays} />}
    >
      <Text style={styles.p}>Hei {displayName},</Text>
      <Intro {...props} />
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
          {meeting.title}
        </Heading>
        <MeetingDetails meeting={meeting} practical={happening} />
      </Section>

      {holdsSeat && <Agenda items={meeting.agenda} />}

      {calendarAttached && (
        <Text style={styles.p} id="calendar-note">
          {kind === "cancelled"
            ? "Avlysningen ligger ved denne e-posten, så møtet kan tas ut av kalenderen din."
            : "Invitasjonen ligger ved denne e-posten, så kalenderen din får den nye informasjonen."}
        </Text>
      )}
      {calendarLinks && holdsSeat && <CalendarLinks links={calendarLinks} />}

      {happening ? <ManageLink href={props.manageUrl} rejoin={false} /> : null}
    </Layout>
  );
}
