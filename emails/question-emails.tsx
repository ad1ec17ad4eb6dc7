/**
 * The mail about citizens' questions and the case: "your question is received" (with its
 * private link), "your question is answered", "your question was merged into another",
 * "confirm your subscription" and "an update about the case". Every value is untrusted text rendered as React text; links are checked in render.ts.
 */
import type { ReactNode } from "react";
import { Button, Link, Text } from "./components";
import { Layout, styles } from "./layout";
import { mailTexts, type MailLanguage, type MailTexts } from "./texts";

interface Localised {
  /** The recipient's language; bokmål when the payload says nothing. */
  language?: MailLanguage;
}

export interface QuestionReceiptProps extends Localised {
  meetingTitle: string;
  /** What the asker wrote. */
  question: string;
  /** The private link: the question's status, editing it while it waits, withdrawing it. */
  receiptUrl: string;
  /** RETENTION_DAYS: the mail says when the asker's name and address are erased. */
  retentionDays?: number;
}

export interface QuestionNoticeProps extends Localised {
  kind: "answered" | "merged" | "private";
  meetingTitle: string;
  /** The question as published (organisers' wording). */
  question: string;
  /** For "answered": the written answer, if any. */
  answer: string | null;
  /** Where to read it: the public question list, anchored at the question. */
  url: string;
}

export interface CaseConfirmProps extends Localised {
  meetingTitle: string;
  /** Opens a page with a button that confirms (a GET changes nothing). */
  confirmUrl: string;
}

export interface CaseUpdateProps extends Localised {
  meetingTitle: string;
  title: string;
  body: string;
  meetingUrl: string;
  unsubscribeUrl: string;
}

/** To an organiser: a meeting's people are soon erased and nobody has archived it yet. */
export interface ArchiveWarningProps extends Localised {
  meetingTitle: string;
  /** The erasure's date, as Norwegians write it. */
  erasureDate: string;
  /** The meeting's dashboard, where the archive package is made. */
  dashboardUrl: string;
}

export function archiveWarningSubject(p: ArchiveWarningProps): string {
  return mailTexts(p.language).t("archiveWarning.subject", { title: p.meetingTitle });
}

export function questionReceiptSubject(p: QuestionReceiptProps): string {
  return mailTexts(p.language).t("questionReceipt.subject", { title: p.meetingTitle });
}

export function questionNoticeSubject(p: QuestionNoticeProps): string {
  return mailTexts(p.language).t(`question.subject.${p.kind}`, { title: p.meetingTitle });
}

export function caseConfirmSubject(p: CaseConfirmProps): string {
  return mailTexts(p.language).t("caseConfirm.subject", { title: p.meetingTitle });
}

export function caseUpdateSubject(p: CaseUpdateProps): string {
  return mailTexts(p.language).t("caseUpdate.subject", { title: p.title });
}

function Frame({
  texts,
  preview,
  heading,
  children,
}: {
  texts: MailTexts;
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <Layout
      texts={texts}
      preview={preview}
      heading={heading}
      footer={<Text style={styles.small}>{texts.t("footer.automatic")}</Text>}
    >
      {children}
    </Layout>
  );
}

export function QuestionReceiptEmail(p: QuestionReceiptProps) {
  const texts = mailTexts(p.language);
  const { t } = texts;
  const title = p.meetingTitle;
  return (
    <Frame
      texts={texts}
      preview={t("questionReceipt.preview", { title })}
      heading={t("questionReceipt.heading")}
    >
      <Text style={styles.prose}>{t("questionReceipt.intro", { title })}</Text>
      <Text style={styles.small}>{t("questionReceipt.label")}</Text>
      <Text style={styles.quote} id="question">
        {p.question}
      </Text>
      <Text style={styles.p}>{t("questionReceipt.linkText")}</Text>
      <Button id="receipt-link" href={p.receiptUrl} style={styles.button}>
        {t("questionReceipt.button")}
      </Button>
      <Text style={styles.small}>
        {p.retentionDays === undefined
          ? t("questionReceipt.privacy")
          : t("questionReceipt.privacyDays", {
              days: t("days", { count: p.retentionDays }),
            })}
      </Text>
    </Frame>
  );
}

export function QuestionNoticeEmail(p: QuestionNoticeProps) {
  const texts = mailTexts(p.language);
  const { t } = texts;
  const title = p.meetingTitle;
  return (
    <Frame
      texts={texts}
      preview={t(`question.preview.${p.kind}`, { title })}
      heading={t(`question.heading.${p.kind}`)}
    >
      <Text style={styles.prose}>{t(`question.intro.${p.kind}`, { title })}</Text>
      <Text style={styles.small}>{t(`question.label.${p.kind}`)}</Text>
      <Text style={styles.quote} id="question">
        {p.question}
      </Text>
      {p.kind !== "merged" && p.answer ? (
        <>
          <Text style={styles.small}>{t("question.label.answer")}</Text>
          <Text style={styles.quote} id="answer">
            {p.answer}
          </Text>
        </>
      ) : null}
      <Button id="question-link" href={p.url} style={styles.button}>
        {t(`question.button.${p.kind}`)}
      </Button>
    </Frame>
  );
}

export function CaseConfirmEmail(p: CaseConfirmProps) {
  const texts = mailTexts(p.language);
  const { t } = texts;
  return (
    <Frame
      texts={texts}
      preview={t("caseConfirm.preview", { title: p.meetingTitle })}
      heading={t("caseConfirm.heading")}
    >
      <Text style={styles.prose}>{t("caseConfirm.text", { title: p.meetingTitle })}</Text>
      <Button id="confirm-link" href={p.confirmUrl} style={styles.button}>
        {t("caseConfirm.button")}
      </Button>
    </Frame>
  );
}

export function CaseUpdateEmail(p: CaseUpdateProps) {
  const texts = mailTexts(p.language);
  const { t } = texts;
  return (
    <Frame texts={texts} preview={p.title} heading={p.title}>
      <Text style={styles.small}>{t("caseUpdate.lead", { title: p.meetingTitle })}</Text>
      <Text style={styles.prose} id="update-body">
        {p.body}
      </Text>
      <Text style={styles.p}>
        {texts.rich("caseUpdate.more", {
          url: (
            <Link href={p.meetingUrl} style={styles.link}>
              {p.meetingUrl}
            </Link>
          ),
        })}
      </Text>
      <Text style={styles.small}>
        {texts.rich("caseUpdate.why", {
          unsubscribe: (
            <Link id="unsubscribe-link" href={p.unsubscribeUrl} style={styles.link}>
              {t("caseUpdate.unsubscribe")}
            </Link>
          ),
        })}
      </Text>
    </Frame>
  );
}

export function ArchiveWarningEmail(p: ArchiveWarningProps) {
  const texts = mailTexts(p.language);
  const { t } = texts;
  return (
    <Frame
      texts={texts}
      preview={t("archiveWarning.preview", { date: p.erasureDate })}
      heading={t("archiveWarning.heading")}
    >
      <Text style={styles.prose} id="archive-warning">
        {t("archiveWarning.text", { title: p.meetingTitle, date: p.erasureDate })}
      </Text>
      <Button id="dashboard-link" href={p.dashboardUrl} style={styles.button}>
        {t("archiveWarning.button")}
      </Button>
    </Frame>
  );
}
