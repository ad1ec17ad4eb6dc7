import { Heading, Img, Section, Text } from "./components";
import {
  Agenda,
  displayName,
  Greeting,
  CalendarLinks,
  Detail,
  Layout,
  ManageLink,
  MeetingDetails,
  MeetingFooter,
  MeetingLink,
  OnlineSection,
  styles,
  type OnlinePart,
} from "./layout";
import { waitlistPlace, type Slots } from "./skeleton";
import { mailTexts, type MailLanguage, type MailTexts } from "./texts";

/**
 * "link": the address was typed into the sign-up form again. Nothing changed; the mail
 * carries the personal link (and for a cancelled registration, the way back).
 */
export type RegistrationEmailKind =
  "confirmed" | "waitlisted" | "promoted" | "updated" | "cancelled" | "link";

export interface RegistrationEmailProps {
  /** The recipient's language; bokmål when the payload says nothing. */
  language?: MailLanguage;
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
    /**
     * The meeting's texts come in the reader's language where the organiser wrote them; this
     * is the lang of each one given in bokmål instead, for screen readers.
     */
    textLang?: { title?: "nb"; accessibility?: "nb"; whatToBring?: "nb"; agenda?: "nb" };
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
  /** How this person attends, for a meeting held both in the hall and online; else absent. */
  attendance?: "hall" | "online" | null;
  /** For an online attendee: the stream, or when it comes. */
  online?: OnlinePart | null;
}

export function registrationSubject(
  p: Pick<RegistrationEmailProps, "kind" | "meeting" | "language">,
): string {
  return mailTexts(p.language).t(`registration.subject.${p.kind}`, { title: p.meeting.title });
}

function preview({ t }: MailTexts, p: RegistrationEmailProps): string {
  const { title, when } = p.meeting;
  if (p.kind === "waitlisted" && p.waitlistPosition !== null) {
    return t("registration.preview.waitlistedAt", { title, position: p.waitlistPosition });
  }
  return t(`registration.preview.${p.kind}`, { title, when });
}

function Intro({ texts: { t }, ...p }: RegistrationEmailProps & { texts: MailTexts }) {
  const { title, when } = p.meeting;
  const people = t("people", { count: p.partySize });
  switch (p.kind) {
    case "waitlisted":
      return (
        <>
          <Text style={styles.p}>
            {p.waitlistPosition === null
              ? t("registration.intro.waitlisted", { title })
              : t("registration.intro.waitlistedAt", { title, position: p.waitlistPosition })}
          </Text>
          <Text style={styles.p}>{t("registration.intro.waitlistedNext")}</Text>
        </>
      );
    case "link":
      return (
        <>
          <Text style={styles.p}>{t("registration.intro.link", { title })}</Text>
          <Text style={styles.p}>{t("registration.intro.linkIgnore")}</Text>
        </>
      );
    default:
      return (
        <Text style={styles.p}>{t(`registration.intro.${p.kind}`, { title, when, people })}</Text>
      );
  }
}

/** Content-ID of the inline QR image that renderEmail attaches. */
export const CHECK_IN_QR_CID = "checkin-qr@folkemote";

/**
 * What is one person's in a registration mail: the greeting's name, the personal link, the
 * check-in code (and the address its QR image holds, which the HTML only refers to by cid) and
 * a waitlist place. The rest is the same for everyone signed up alike to one meeting, and is
 * rendered once per content (emails/skeleton.ts): a burst of sign-ups is many copies of a few
 * mails.
 */
export const registrationSlots: Slots<RegistrationEmailProps> = {
  read: (props) => [
    displayName(props.name),
    props.manageUrl,
    ...(props.checkIn ? [props.checkIn.code, props.checkIn.url] : []),
    ...waitlistPlace.read(props.waitlistPosition),
  ],
  write: (props, values) => {
    const [name, manageUrl, ...rest] = values;
    const checkIn = props.checkIn ? { code: rest.shift()!, url: rest.shift()! } : props.checkIn;
    return {
      ...props,
      name: name!,
      manageUrl: manageUrl!,
      checkIn,
      waitlistPosition: waitlistPlace.write(props.waitlistPosition, rest.shift()),
    };
  },
};

export function RegistrationEmail(props: RegistrationEmailProps) {
  const { kind, name, partySize, waitlistPosition, status, manageUrl, meeting, checkIn } = props;
  const texts = mailTexts(props.language);
  const { t } = texts;
  const attending = status !== "cancelled" && kind !== "cancelled";
  const cancelled = kind === "cancelled" || status === "cancelled";
  const showPosition = status === "waitlisted" && waitlistPosition !== null;
  // A held seat always travels with its calendar part (new, promoted or updated), never the waitlist.
  const calendarAttached = status === "confirmed" && kind !== "cancelled";
  const showProgramme = status === "confirmed" && kind !== "cancelled";

  return (
    <Layout
      texts={texts}
      preview={preview(texts, props)}
      heading={t(`registration.heading.${kind}`)}
      footer={<MeetingFooter texts={texts} meeting={meeting} retentionDays={props.retentionDays} />}
    >
      <Greeting texts={texts} name={name} />
      <Intro {...props} texts={texts} />

      <Section>
        <Heading as="h2" style={styles.h2}>
          <span lang={meeting.textLang?.title}>{meeting.title}</span>
        </Heading>
        <Detail label={t("detail.status")}>
          <span id="status">{t(`registration.status.${status}`)}</span>
        </Detail>
        {attending && props.attendance ? (
          <Detail label={t("detail.attendance")}>
            <span id="attendance">{t(`attendance.${props.attendance}`)}</span>
          </Detail>
        ) : null}
        {attending && (
          <Detail label={t("detail.partySize")}>
            <span id="party-size">{partySize}</span>
          </Detail>
        )}
        {showPosition && (
          <Detail label={t("detail.waitlistPosition")}>
            {texts.rich("detail.waitlistNumber", {
              position: <span id="waitlist-position">{waitlistPosition}</span>,
            })}
          </Detail>
        )}
        <MeetingDetails
          texts={texts}
          meeting={meeting}
          practical={attending}
          online={props.online}
        />
      </Section>

      {showProgramme && props.online ? <OnlineSection texts={texts} online={props.online} /> : null}

      {showProgramme && (
        <Agenda texts={texts} items={meeting.agenda ?? []} lang={meeting.textLang?.agenda} />
      )}

      {showProgramme && checkIn ? (
        <Section>
          <Heading as="h2" style={styles.h2}>
            {t("checkIn.heading")}
          </Heading>
          <Img
            src={`cid:${CHECK_IN_QR_CID}`}
            alt={t("checkIn.alt", { code: checkIn.code })}
            width="160"
            height="160"
          />
          <Text style={styles.p}>
            {texts.rich("checkIn.text", {
              code: <strong id="check-in-code">{checkIn.code}</strong>,
            })}
          </Text>
        </Section>
      ) : null}

      {calendarAttached && <Text style={styles.p}>{t("calendar.attached")}</Text>}
      {calendarAttached && props.calendarLinks ? (
        <CalendarLinks texts={texts} links={props.calendarLinks} />
      ) : null}

      {cancelled && !props.canRejoin ? (
        <Section>
          <Text style={styles.p}>
            <MeetingLink texts={texts} url={meeting.url} />
          </Text>
        </Section>
      ) : (
        <ManageLink texts={texts} href={manageUrl} rejoin={cancelled} />
      )}
    </Layout>
  );
}
