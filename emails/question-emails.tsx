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
  Preview,
  Text,
} from "./components";

/**
 * The mail about citizens' questions and the case: "your question is answered", "your
 * question was merged into another", "confirm your subscription" and "an update about the
 * case". Every value is untrusted text rendered as React text; links are checked in render.ts.
 */

export interface QuestionNoticeProps {
  kind: "answered" | "merged";
  meetingTitle: string;
  /** The question as published (organisers' wording). */
  question: string;
  /** For "answered": the written answer, if any. */
  answer: string | null;
  /** Where to read it: the public question list, anchored at the question. */
  url: string;
}

export interface CaseConfirmProps {
  meetingTitle: string;
  /** Opens a page with a button that confirms (a GET changes nothing). */
  confirmUrl: string;
}

export interface CaseUpdateProps {
  meetingTitle: string;
  title: string;
  body: string;
  meetingUrl: string;
  unsubscribeUrl: string;
}

const colors = { text: "#1a1a1a", muted: "#4a4a4a", link: "#0b4f8a", border: "#d0d5dc" };
const styles = {
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
  h1: { color: colors.text, fontSize: "24px", lineHeight: "1.3", margin: "0 0 16px" },
  p: {
    color: colors.text,
    fontSize: "16px",
    lineHeight: "1.5",
    margin: "0 0 12px",
    whiteSpace: "pre-line",
  },
  quote: {
    borderLeft: `4px solid ${colors.border}`,
    color: colors.text,
    fontSize: "16px",
    lineHeight: "1.5",
    margin: "0 0 12px",
    paddingLeft: "12px",
    whiteSpace: "pre-line",
  },
  small: { color: colors.muted, fontSize: "14px", lineHeight: "1.5", margin: "0 0 8px" },
  link: { color: colors.link, textDecoration: "underline" },
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

function Frame({
  preview,
  heading,
  children,
}: {
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <Html lang="nb" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.org}>Røros kommune</Text>
          <Heading as="h1" style={styles.h1}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.small}>Denne e-posten er sendt automatisk.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function QuestionNoticeEmail(p: QuestionNoticeProps) {
  const answered = p.kind === "answered";
  return (
    <Frame
      preview={
        answered
          ? `Spørsmålet ditt om ${p.meetingTitle} er besvart.`
          : `Spørsmålet ditt er slått sammen med et likt spørsmål.`
      }
      heading={answered ? "Spørsmålet ditt er besvart" : "Spørsmålet ditt er slått sammen"}
    >
      <Text style={styles.p}>
        {answered
          ? `Du sendte et spørsmål til ${p.meetingTitle}. Nå har kommunen svart.`
          : `Du sendte et spørsmål til ${p.meetingTitle}. Noen andre spurte om det samme, så vi har slått spørsmålene sammen. Støtten ditt spørsmål fikk, er flyttet over, og du får beskjed når det blir besvart.`}
      </Text>
      <Text style={styles.small}>{answered ? "Spørsmålet:" : "Spørsmålet det nå gjelder:"}</Text>
      <Text style={styles.quote} id="question">
        {p.question}
      </Text>
      {answered && p.answer ? (
        <>
          <Text style={styles.small}>Svaret:</Text>
          <Text style={styles.quote} id="answer">
            {p.answer}
          </Text>
        </>
      ) : null}
      <Button id="question-link" href={p.url} style={styles.button}>
        {answered ? "Les alle svarene" : "Se spørsmålet"}
      </Button>
    </Frame>
  );
}

export function CaseConfirmEmail(p: CaseConfirmProps) {
  return (
    <Frame
      preview={`Bekreft at du vil få oppdateringer om ${p.meetingTitle}.`}
      heading="Bekreft abonnementet"
    >
      <Text style={styles.p}>
        Noen, forhåpentligvis du, ba om å få e-post når kommunen har nytt om saken «{p.meetingTitle}
        ». Trykk på knappen for å bekrefte. Har du ikke bedt om dette, kan du se bort fra e-posten:
        da sender vi deg ingenting mer.
      </Text>
      <Button id="confirm-link" href={p.confirmUrl} style={styles.button}>
        Ja, hold meg oppdatert
      </Button>
    </Frame>
  );
}

export function CaseUpdateEmail(p: CaseUpdateProps) {
  return (
    <Frame preview={p.title} heading={p.title}>
      <Text style={styles.small}>Nytt om saken «{p.meetingTitle}»</Text>
      <Text style={styles.p} id="update-body">
        {p.body}
      </Text>
      <Text style={styles.p}>
        Mer om saken:{" "}
        <Link href={p.meetingUrl} style={styles.link}>
          {p.meetingUrl}
        </Link>
      </Text>
      <Text style={styles.small}>
        Du får denne e-posten fordi du ba om oppdateringer.{" "}
        <Link id="unsubscribe-link" href={p.unsubscribeUrl} style={styles.link}>
          Meld deg av
        </Link>
        .
      </Text>
    </Frame>
  );
}
