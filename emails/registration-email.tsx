import type { CSSProperties, ReactNode } from "react";
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "./components";

/**
 * "link": the address was typed into the sign-up form again. Nothing changed; the mail
 * carries the personal link (and for a cancelled registration, the way back).
 */
export type RegistrationEmailKind =
  "confirmed" | "waitlisted" | "promoted" | "updated" | "cancelled" | "link";

export interface RegistrationEmailProps {
  kind: RegistrationEmailKind;
  /** The citizen's name. Untrusted: only ever rendered as React text. */
  name: string;
  partySize: number;
  /** Position on the waitlist while the registration is waitlisted, else null. */
  waitlistPosition: number | null;
  status: "confirmed" | "waitlisted" | "cancelled";
  /** Personal link to see, change or cancel the registration. */
  manageUrl: string;
  meeting: {
    title: string;
    /** Already formatted, e.g. "torsdag 10. desember 2026 kl. 19.00–21.00". */
    when: string;
    venueName: string;
    address: string;
    mapUrl: string | null;
    accessibility: string;
    /** Public meeting page. */
    url: string;
    contact: string | null;
    /** Practical facts ("Ta med innkallingen"); older queued mail may lack it. */
    whatToBring?: string;
    /** The meeting's agenda lines ("19.00 Velkommen"); older queued mail may lack it. */
    agenda?: string[];
  };
  /** Web-calendar links with the meeting's UTC times, for a held seat. */
  calendarLinks?: { google: string; outlook: string; office365: string; ics: string } | null;
  /** Door check-in for a held seat: the code, and the organisers' URL in the QR image. */
  checkIn?: { code: string; url: string } | null;
  /**
   * For a cancelled registration: whether the personal link can sign the person up again
   * (they cancelled it themselves). Otherwise the mail points to the meeting's contact.
   */
  canRejoin?: boolean;
  /** Days after the meeting when the personal data is erased (RETENTION_DAYS). */
  retentionDays?: number;
}

export function privacyLine(retentionDays: number | undefined): string {
  return retentionDays === undefined
    ? "Vi bruker opplysningene bare til å planlegge møtet og sletter dem etterpå."
    : `Vi bruker opplysningene bare til å planlegge møtet og sletter dem ${retentionDays === 1 ? "1 dag" : `${retentionDays} dager`} etter møtet.`;
}

const HEADINGS: Record<RegistrationEmailKind, string> = {
  confirmed: "Du er påmeldt",
  waitlisted: "Du står på venteliste",
  promoted: "Du har fått plass",
  updated: "Påmeldingen er endret",
  cancelled: "Du er meldt av",
  link: "Lenken til påmeldingen din",
};

const STATUS_LABELS: Record<RegistrationEmailProps["status"], string> = {
  confirmed: "Påmeldt",
  waitlisted: "På venteliste",
  cancelled: "Avmeldt",
};

/** "1 person", "3 personer". */
export function people(n: number): string {
  return n === 1 ? "1 person" : `${n} personer`;
}

function preview(p: RegistrationEmailProps): string {
  const { title, when } = p.meeting;
  switch (p.kind) {
    case "confirmed":
      return `Du er påmeldt ${title}, ${when}.`;
    case "waitlisted":
      return p.waitlistPosition === null
        ? `Du står på venteliste til ${title}.`
        : `Du står som nummer ${p.waitlistPosition} på venteliste til ${title}.`;
    case "promoted":
      return `Det ble ledig plass: du er påmeldt ${title}, ${when}.`;
    case "updated":
      return `Påmeldingen din til ${title} er endret.`;
    case "cancelled":
      return `Du er meldt av ${title}.`;
    case "link":
      return `Lenken til påmeldingen din til ${title}. Ingenting er endret.`;
  }
}

// Colours: body text #1a1a1a and links #0b4f8a on white, button white on #0b4f8a,
// muted text #4a4a4a; all well above WCAG AA 4.5:1.
export const colors = {
  text: "#1a1a1a",
  muted: "#4a4a4a",
  link: "#0b4f8a",
  border: "#d0d5dc",
};

export const styles = {
  body: {
    backgroundColor: "#f3f4f6",
    color: colors.text,
    fontFamily: "Arial, Helvetica, sans-serif",
    margin: 0,
    padding: "24px 0",
  },
  container: {
    backgroundColor: "#ffffff",
    border: `1px solid ${colors.border}`,
    borderRadius: "6px",
    maxWidth: "600px",
    padding: "24px 28px",
  },
  org: { color: colors.muted, fontSize: "14px", margin: "0 0 8px" },
  h1: {
    color: colors.text,
    fontSize: "26px",
    lineHeight: "1.3",
    margin: "0 0 16px",
  },
  h2: {
    color: colors.text,
    fontSize: "18px",
    lineHeight: "1.3",
    margin: "24px 0 8px",
  },
  p: {
    color: colors.text,
    fontSize: "16px",
    lineHeight: "1.5",
    margin: "0 0 12px",
  },
  small: {
    color: colors.muted,
    fontSize: "14px",
    lineHeight: "1.5",
    margin: "0 0 8px",
  },
  detail: {
    color: colors.text,
    fontSize: "16px",
    lineHeight: "1.5",
    margin: "0 0 8px",
  },
  // Long URLs shown as text wrap anywhere, so they never widen a 375 px phone screen.
  link: {
    color: colors.link,
    textDecoration: "underline",
    overflowWrap: "anywhere",
    wordBreak: "break-word",
  },
  button: {
    backgroundColor: colors.link,
    borderRadius: "4px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "16px",
    fontWeight: "bold",
    padding: "12px 20px",
    textDecoration: "none",
  },
  hr: { borderColor: colors.border, margin: "24px 0" },
} satisfies Record<string, CSSProperties>;

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={styles.detail}>
      <strong>{label}:</strong> {children}
    </Text>
  );
}

function Intro(p: RegistrationEmailProps) {
  const { title, when } = p.meeting;
  switch (p.kind) {
    case "confirmed":
      return (
        <Text style={styles.p}>
          Takk for påmeldingen til {title}. Vi har satt av plass til {people(p.partySize)}.
        </Text>
      );
    case "waitlisted":
      return (
        <>
          <Text style={styles.p}>
            Møtet er fullt akkurat nå, så du står på venteliste til {title}
            {p.waitlistPosition === null ? "" : ` som nummer ${p.waitlistPosition}`}.
          </Text>
          <Text style={styles.p}>
            Blir det ledig plass, får du en ny e-post fra oss. Du trenger ikke gjøre noe før det.
          </Text>
        </>
      );
    case "promoted":
      return (
        <Text style={styles.p}>
          Det har blitt ledig plass, og du er flyttet fra ventelisten. Du er nå påmeldt {title} med
          plass til {people(p.partySize)}.
        </Text>
      );
    case "updated":
      return <Text style={styles.p}>Påmeldingen din til {title} er endret. Slik er den nå:</Text>;
    case "cancelled":
      return (
        <Text style={styles.p}>
          Du er meldt av {title}, {when}. Takk for at du sa fra.
        </Text>
      );
    case "link":
      return (
        <>
          <Text style={styles.p}>
            Noen, trolig du selv, prøvde å melde på denne e-postadressen til {title} en gang til.
            Adressen var allerede registrert, så ingenting er endret. Slik står påmeldingen nå:
          </Text>
          <Text style={styles.p}>
            Har du ikke prøvd å melde deg på, kan du se bort fra denne e-posten.
          </Text>
        </>
      );
  }
}

/** Content-ID of the inline QR image that renderEmail attaches. */
/**
 * When and where, and, for people who are coming, access and what to bring: the facts every
 * meeting mail repeats, in one place for the registration and meeting mails.
 */
export function MeetingDetails({
  meeting,
  practical,
}: {
  meeting: {
    when: string;
    venueName: string;
    address: string;
    mapUrl: string | null;
    accessibility: string;
    whatToBring?: string | null;
  };
  practical: boolean;
}) {
  return (
    <>
      <Detail label="Når">
        <span id="when">{meeting.when}</span>
      </Detail>
      <Detail label="Hvor">
        <span id="where">
          {meeting.venueName}, {meeting.address}
        </span>
        {meeting.mapUrl !== null && (
          <>
            {" "}
            (
            <Link href={meeting.mapUrl} style={styles.link}>
              vis i kart
            </Link>
            )
          </>
        )}
      </Detail>
      {practical && meeting.accessibility.trim() !== "" && (
        <Detail label="Tilgjengelighet">{meeting.accessibility}</Detail>
      )}
      {practical && (meeting.whatToBring ?? "").trim() !== "" && (
        <Detail label="Praktisk">
          <span id="what-to-bring">{meeting.whatToBring}</span>
        </Detail>
      )}
    </>
  );
}

export const CHECK_IN_QR_CID = "checkin-qr@folkemote";

export function RegistrationEmail(props: RegistrationEmailProps) {
  const { kind, name, partySize, waitlistPosition, status, manageUrl, meeting, checkIn } = props;
  // Line breaks, invisible formatting characters (RTL override, zero-width) or runs of spaces
  // in a typed name have no place in a greeting; the form refuses them, this is the backstop.
  const displayName = name
    .replace(/[\p{Cc}\p{Cf}]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  const attending = status !== "cancelled" && kind !== "cancelled";
  const cancelled = kind === "cancelled" || status === "cancelled";
  const showPosition = status === "waitlisted" && waitlistPosition !== null;
  // A held seat always travels with its calendar part (new, promoted or updated), never the waitlist.
  const calendarAttached = status === "confirmed" && kind !== "cancelled";
  const agenda = meeting.agenda ?? [];
  const showProgramme = status === "confirmed" && kind !== "cancelled";

  return (
    <Html lang="nb" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview(props)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.org}>Røros kommune</Text>
          <Heading as="h1" style={styles.h1}>
            {HEADINGS[kind]}
          </Heading>
          <Text style={styles.p}>Hei {displayName},</Text>
          <Intro {...props} />

          <Section>
            <Heading as="h2" style={styles.h2}>
              {meeting.title}
            </Heading>
            <Detail label="Status">
              <span id="status">{STATUS_LABELS[status]}</span>
            </Detail>
            {attending && (
              <Detail label="Antall personer">
                <span id="party-size">{partySize}</span>
              </Detail>
            )}
            {showPosition && (
              <Detail label="Plass på ventelisten">
                Nummer <span id="waitlist-position">{waitlistPosition}</span>
              </Detail>
            )}
            <MeetingDetails meeting={meeting} practical={attending} />
          </Section>

          {showProgramme && agenda.length > 0 && (
            <Section>
              <Heading as="h2" style={styles.h2}>
                Hva skjer på møtet
              </Heading>
              {agenda.map((item, i) => (
                <Text key={i} style={styles.detail}>
                  {item}
                </Text>
              ))}
            </Section>
          )}

          {showProgramme && checkIn ? (
            <Section>
              <Heading as="h2" style={styles.h2}>
                Innsjekking
              </Heading>
              <Img
                src={`cid:${CHECK_IN_QR_CID}`}
                alt={`QR-kode for innsjekking, kode ${checkIn.code}`}
                width="160"
                height="160"
              />
              <Text style={styles.p}>
                Vis QR-koden i døra, eller si koden{" "}
                <strong id="check-in-code">{checkIn.code}</strong>.
              </Text>
            </Section>
          ) : null}

          {calendarAttached && (
            <Text style={styles.p}>
              Invitasjonen ligger ved denne e-posten, så du kan legge møtet inn i kalenderen din.
            </Text>
          )}
          {calendarAttached && props.calendarLinks ? (
            <Text style={styles.p} id="add-to-calendar">
              Legg i kalender:{" "}
              <Link href={props.calendarLinks.google} style={styles.link}>
                Google
              </Link>
              {" · "}
              <Link href={props.calendarLinks.outlook} style={styles.link}>
                Outlook.com
              </Link>
              {" · "}
              <Link href={props.calendarLinks.office365} style={styles.link}>
                Office 365
              </Link>
              {" · "}
              <Link href={props.calendarLinks.ics} style={styles.link}>
                .ics-fil
              </Link>
            </Text>
          ) : null}

          {cancelled && props.canRejoin ? (
            <Section>
              <Text style={styles.p}>
                Ombestemmer du deg, kan du melde deg på igjen med den personlige lenken din så lenge
                påmeldingen er åpen. Ikke del lenken med andre.
              </Text>
              <Button id="manage-link" href={manageUrl} style={styles.button}>
                Se påmeldingen eller meld deg på igjen
              </Button>
            </Section>
          ) : cancelled ? (
            <Section>
              <Text style={styles.p}>
                Mer om møtet:{" "}
                <Link href={meeting.url} style={styles.link}>
                  {meeting.url}
                </Link>
              </Text>
            </Section>
          ) : (
            <Section>
              <Text style={styles.p}>
                Med den personlige lenken din kan du se påmeldingen, endre antall personer eller
                melde deg av. Ikke del lenken med andre.
              </Text>
              <Button id="manage-link" href={manageUrl} style={styles.button}>
                Se eller endre påmeldingen
              </Button>
            </Section>
          )}

          <Hr style={styles.hr} />
          {meeting.contact !== null && meeting.contact.trim() !== "" && (
            <Text style={styles.small}>
              Spørsmål om møtet? Kontakt {meeting.contact.trim().replace(/\.+$/, "")}.
            </Text>
          )}
          <Text style={styles.small}>{privacyLine(props.retentionDays)}</Text>
          <Text style={styles.small}>
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

export default RegistrationEmail;
