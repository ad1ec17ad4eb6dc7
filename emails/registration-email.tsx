import { Heading, Img, Link, Section, Text } from "@react-email/components";
import {
  Agenda,
  CalendarLinks,
  Detail,
  Layout,
  ManageLink,
  MeetingDetails,
  MeetingFooter,
  styles,
} from "./layout";

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
  const showProgramme = status === "confirmed" && kind !== "cancelled";

  return (
    <Layout
      preview={preview(props)}
      heading={HEADINGS[kind]}
      footer={<MeetingFooter meeting={meeting} retentionDays={props.retentionDays} />}
    >
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

      {showProgramme && <Agenda items={meeting.agenda ?? []} />}

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
            Vis QR-koden i døra, eller si koden <strong id="check-in-code">{checkIn.code}</strong>.
          </Text>
        </Section>
      ) : null}

      {calendarAttached && (
        <Text style={styles.p}>
          Invitasjonen ligger ved denne e-posten, så du kan legge møtet inn i kalenderen din.
        </Text>
      )}
      {calendarAttached && props.calendarLinks ? (
        <CalendarLinks links={props.calendarLinks} />
      ) : null}

      {cancelled && !props.canRejoin ? (
        <Section>
          <Text style={styles.p}>
            Mer om møtet:{" "}
            <Link href={meeting.url} style={styles.link}>
              {meeting.url}
            </Link>
          </Text>
        </Section>
      ) : (
        <ManageLink href={manageUrl} rejoin={cancelled} />
      )}
    </Layout>
  );
}

export default RegistrationEmail;
