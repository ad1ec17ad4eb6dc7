import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
  Button,
} from "./components";
import { MeetingDetails, people, privacyLine, styles } from "./registration-email";

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
  meeting: {
    title: string;
    when: string;
    venueName: string;
    address: string;
    mapUrl: string | null;
    accessibility: string;
    url: string;
    contact: string | null;
    whatToBring?: string;
    agenda: string[];
  };
  /** Days after the meeting when personal data is erased (the privacy line says so). */
  retentionDays?: number;
  calendarAttached: boolean;
  calendarLinks: { google: string; outlook: string; office365: string; ics: string } | null;
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
  return (
    <Html lang="nb" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{previewText(props)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.org}>Røros kommune</Text>
          <Heading as="h1" style={styles.h1}>
            {kind === "message" && props.subject ? props.subject : HEADINGS[kind]}
          </Heading>
          <Text style={styles.p}>Hei {displayName},</Text>
          <Intro {...props} />
          {message !== null && message.trim() !== "" ? (
            <Section id="personal-message">
              {message
                .trim()
                .split(/\n{2,}/)
                .map((para, i) => (
                  <Text key={i} style={{ ...styles.p, whiteSpace: "pre-line" }}>
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

          {happening && props.status === "confirmed" && meeting.agenda.length > 0 && (
            <Section>
              <Heading as="h2" style={styles.h2}>
                Hva skjer på møtet
              </Heading>
              {meeting.agenda.map((item, i) => (
                <Text key={i} style={styles.detail}>
                  {item}
                </Text>
              ))}
            </Section>
          )}

          {calendarAttached && (
            <Text style={styles.p} id="calendar-note">
              {kind === "cancelled"
                ? "Avlysningen ligger ved denne e-posten, så møtet kan tas ut av kalenderen din."
                : "Invitasjonen ligger ved denne e-posten, så kalenderen din får den nye informasjonen."}
            </Text>
          )}
          {calendarLinks && happening && props.status === "confirmed" && (
            <Text style={styles.p} id="add-to-calendar">
              Legg i kalender:{" "}
              <Link href={calendarLinks.google} style={styles.link}>
                Google
              </Link>
              {" · "}
              <Link href={calendarLinks.outlook} style={styles.link}>
                Outlook.com
              </Link>
              {" · "}
              <Link href={calendarLinks.office365} style={styles.link}>
                Office 365
              </Link>
              {" · "}
              <Link href={calendarLinks.ics} style={styles.link}>
                .ics-fil
              </Link>
            </Text>
          )}

          {happening ? (
            <Section>
              <Text style={styles.p}>
                Med den personlige lenken din kan du se påmeldingen, endre antall personer eller
                melde deg av. Ikke del lenken med andre.
              </Text>
              <Button id="manage-link" href={props.manageUrl} style={styles.button}>
                Se eller endre påmeldingen
              </Button>
            </Section>
          ) : null}

          <Hr style={styles.hr} />
          {meeting.contact !== null && meeting.contact.trim() !== "" && (
            <Text style={styles.small}>
              Spørsmål om møtet? Kontakt {meeting.contact.trim().replace(/\.+$/, "")}.
            </Text>
          )}
          <Text style={styles.small}>{privacyLine(props.retentionDays)}</Text>
          <Text style={{ ...styles.small, overflowWrap: "anywhere", wordBreak: "break-word" }}>
            Denne e-posten er sendt automatisk. Mer om møtet:{" "}
            <Link href={meeting.url} style={styles.link}>
              {meeting.url}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
