/**
 * The one look every mail shares: colours, type, the frame (municipality line, heading,
 * footer) and the blocks more than one mail repeats. A template brings only its own words.
 */
import type { CSSProperties, ReactNode } from "react";
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Section,
  Text,
} from "./components";
import type { MailTexts } from "./texts";

// Colours: body text #1a1a1a and links #0b4f8a on white, button white on #0b4f8a,
// muted text #4a4a4a; all well above WCAG AA 4.5:1.
const colors = {
  text: "#1a1a1a",
  muted: "#4a4a4a",
  link: "#0b4f8a",
  border: "#d0d5dc",
};

const paragraph = {
  color: colors.text,
  fontSize: "16px",
  lineHeight: "1.5",
  margin: "0 0 12px",
} satisfies CSSProperties;

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
  h1: { color: colors.text, fontSize: "26px", lineHeight: "1.3", margin: "0 0 16px" },
  h2: { color: colors.text, fontSize: "18px", lineHeight: "1.3", margin: "24px 0 8px" },
  p: paragraph,
  /** What someone typed (an answer, an organiser's message): their line breaks are kept. */
  prose: { ...paragraph, whiteSpace: "pre-line" },
  quote: {
    ...paragraph,
    borderLeft: `4px solid ${colors.border}`,
    paddingLeft: "12px",
    whiteSpace: "pre-line",
  },
  small: { color: colors.muted, fontSize: "14px", lineHeight: "1.5", margin: "0 0 8px" },
  detail: { ...paragraph, margin: "0 0 8px" },
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

/** The frame of every mail: municipality line and heading above, a rule and footer below. */
export function Layout({
  texts,
  preview,
  heading,
  footer,
  children,
}: {
  texts: MailTexts;
  preview: string;
  heading: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang={texts.language} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <InboxPreview text={preview} />
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.org}>{texts.t("org")}</Text>
          <Heading as="h1" style={styles.h1}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          {footer}
        </Container>
      </Body>
    </Html>
  );
}

/**
 * "Hei Kari,". Line breaks, invisible formatting characters (RTL override, zero-width) or runs
 * of spaces in a typed name have no place in a greeting; the forms refuse them, this is the
 * backstop.
 */
/** A name as a greeting shows it: no control or format characters, one space between words. */
// Invisible characters (no-break space, zero-width joiners and marks, a byte-order mark).
const INVISIBLE = "\u00a0\u200c\u200b\u200d\u200e\u200f\ufeff";

/**
 * The line a mail program shows beside the subject: hidden text, then a run of invisible
 * characters so that nothing of the body is pulled in after it. react-email's `Preview` cuts
 * the text at 150 characters and pads it up to 150; here the run has one length whatever the
 * text's, so a mail's skeleton (emails/skeleton.ts) stays true when a personal value in the
 * line, such as a waitlist place, is filled in (with the padding, a place filled into a token
 * would have moved it).
 */
function InboxPreview({ text }: { text: string }) {
  return (
    <div
      style={{
        display: "none",
        overflow: "hidden",
        lineHeight: "1px",
        opacity: 0,
        maxHeight: 0,
        maxWidth: 0,
      }}
      data-skip-in-text={true}
    >
      {text}
      <div>{INVISIBLE.repeat(100)}</div>
    </div>
  );
}

export function displayName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function Greeting({ texts, name }: { texts: MailTexts; name: string }) {
  return <Text style={styles.p}>{texts.rich("greeting", { name: displayName(name) })}</Text>;
}

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={styles.detail}>
      <strong>{label}:</strong> {children}
    </Text>
  );
}

/**
 * When and where, and, for people who are coming, access and what to bring: the facts every
 * meeting mail repeats, in one place for the registration and meeting mails.
 */
export function MeetingDetails({
  texts,
  meeting,
  practical,
  online = null,
}: {
  texts: MailTexts;
  meeting: {
    when: string;
    venueName: string;
    address: string;
    mapUrl: string | null;
    accessibility: string;
    whatToBring?: string | null;
    textLang?: { accessibility?: "nb"; whatToBring?: "nb" };
  };
  practical: boolean;
  /** For an online attendee: the place is where the meeting is streamed from. */
  online?: OnlinePart | null;
}) {
  const { t } = texts;
  const place = `${meeting.venueName}, ${meeting.address}`;
  return (
    <>
      <Detail label={t("detail.when")}>
        <span id="when">{meeting.when}</span>
      </Detail>
      {online ? (
        <Detail label={t("detail.where")}>
          <span id="where">{t("detail.online", { place })}</span>
        </Detail>
      ) : (
        <Detail label={t("detail.where")}>
          <span id="where">{place}</span>
          {meeting.mapUrl !== null && (
            <>
              {" "}
              (
              <Link href={meeting.mapUrl} style={styles.link}>
                {t("detail.map")}
              </Link>
              )
            </>
          )}
        </Detail>
      )}
      {practical && !online && meeting.accessibility.trim() !== "" && (
        <Detail label={t("detail.accessibility")}>
          <span lang={meeting.textLang?.accessibility}>{meeting.accessibility}</span>
        </Detail>
      )}
      {practical && (meeting.whatToBring ?? "").trim() !== "" && (
        <Detail label={t("detail.practical")}>
          <span id="what-to-bring" lang={meeting.textLang?.whatToBring}>
            {meeting.whatToBring}
          </span>
        </Detail>
      )}
    </>
  );
}

/**
 * What an online attendee's mail says of the stream (ADR 0016); null for the hall. Worded
 * when the mail is queued, by the stream rule (app/registrations/stream.server.ts).
 */
export interface OnlinePart {
  /** The link and the dial-in, once they may be given out. */
  stream: { url: string | null; dialIn: string } | null;
  /** When the link comes, already formatted, while it waits; null when not known. */
  revealsAt: string | null;
  /** The question form for online attendees during the meeting. */
  askUrl: string;
}

/** "Follow the meeting online": the link and dial-in, or when they come. */
export function OnlineSection({ texts, online }: { texts: MailTexts; online: OnlinePart }) {
  const { t, rich } = texts;
  const { stream } = online;
  return (
    <Section id="online">
      <Heading as="h2" style={styles.h2}>
        {t("online.heading")}
      </Heading>
      {stream?.url ? (
        <Text style={styles.p}>
          {rich("online.link", {
            url: (
              <Link href={stream.url} style={styles.link} id="stream-link">
                {stream.url}
              </Link>
            ),
          })}
        </Text>
      ) : null}
      {stream?.dialIn ? (
        <Text style={styles.p} id="dial-in">
          {t("online.dialIn", { dialIn: stream.dialIn })}
        </Text>
      ) : null}
      {!stream ? (
        <Text style={styles.p} id="stream-later">
          {online.revealsAt
            ? t("online.later", { revealsAt: online.revealsAt })
            : t("online.pending")}
        </Text>
      ) : null}
      <Text style={styles.p}>
        {rich("online.ask", {
          url: (
            <Link href={online.askUrl} style={styles.link}>
              {online.askUrl}
            </Link>
          ),
        })}
      </Text>
    </Section>
  );
}

/** The meeting's agenda lines, for people who hold a seat. */
export function Agenda({
  texts,
  items,
  lang,
}: {
  texts: MailTexts;
  items: string[];
  /** "nb" where the reader's language has no agenda and the bokmål one is shown. */
  lang?: "nb";
}) {
  if (items.length === 0) return null;
  return (
    <Section lang={lang}>
      <Heading as="h2" style={styles.h2}>
        {texts.t("agenda")}
      </Heading>
      {items.map((item, i) => (
        <Text key={i} style={styles.detail}>
          {item}
        </Text>
      ))}
    </Section>
  );
}

export interface CalendarLinkSet {
  google: string;
  outlook: string;
  office365: string;
  ics: string;
}

export function CalendarLinks({ texts, links }: { texts: MailTexts; links: CalendarLinkSet }) {
  return (
    <Text style={styles.p} id="add-to-calendar">
      {texts.t("calendar.links")}{" "}
      <Link href={links.google} style={styles.link}>
        Google
      </Link>
      {" · "}
      <Link href={links.outlook} style={styles.link}>
        Outlook.com
      </Link>
      {" · "}
      <Link href={links.office365} style={styles.link}>
        Office 365
      </Link>
      {" · "}
      <Link href={links.ics} style={styles.link}>
        {texts.t("calendar.icsFile")}
      </Link>
    </Text>
  );
}

/** The personal link: see, change or cancel the registration (or sign up again). */
export function ManageLink({
  texts: { t },
  href,
  rejoin,
}: {
  texts: MailTexts;
  href: string;
  rejoin: boolean;
}) {
  return (
    <Section>
      <Text style={styles.p}>{t(rejoin ? "manage.rejoinText" : "manage.text")}</Text>
      <Button id="manage-link" href={href} style={styles.button}>
        {t(rejoin ? "manage.rejoinButton" : "manage.button")}
      </Button>
    </Section>
  );
}

function privacyLine({ t }: MailTexts, retentionDays: number | undefined): string {
  return retentionDays === undefined
    ? t("footer.privacy")
    : t("footer.privacyDays", { days: t("days", { count: retentionDays }) });
}

/** Footer of the mails to attendees: whom to ask, how long data is kept, where to read more. */
export function MeetingFooter({
  texts,
  meeting,
  retentionDays,
}: {
  texts: MailTexts;
  meeting: { contact: string | null; url: string };
  retentionDays: number | undefined;
}) {
  return (
    <>
      {meeting.contact !== null && meeting.contact.trim() !== "" && (
        <Text style={styles.small}>
          {texts.t("footer.contact", { contact: meeting.contact.trim().replace(/\.+$/, "") })}
        </Text>
      )}
      <Text style={styles.small}>{privacyLine(texts, retentionDays)}</Text>
      <Text style={styles.small}>
        {texts.t("footer.automatic")} <MeetingLink texts={texts} url={meeting.url} />
      </Text>
    </>
  );
}

/** "Mer om møtet: <url>", the URL shown in full so it survives the plain-text part. */
export function MeetingLink({ texts, url }: { texts: MailTexts; url: string }) {
  return texts.rich("footer.more", {
    url: (
      <Link href={url} style={styles.link}>
        {url}
      </Link>
    ),
  });
}
