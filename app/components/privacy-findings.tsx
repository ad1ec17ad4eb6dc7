/**
 * Showing what the privacy guard found: the text with each finding in a <mark> that also says
 * in words what it is (not colour alone), the list of kinds with why they matter, and the
 * check that runs in the citizen's browser as they type. The detectors load as a chunk of
 * their own once the citizen starts typing, so the meeting page carries none of them.
 */
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/react";
import { findingKinds, highlight, type Finding, type FindingKind } from "~/questions/findings";
import type * as PrivacyGuard from "~/questions/privacy-guard";

export function MarkedText({ text, findings }: { text: string; findings: readonly Finding[] }) {
  const t = useT();
  return (
    <>
      {highlight(text, findings).map((part, i) =>
        part.kind ? (
          <mark key={i} className="privacy-mark" data-kind={part.kind}>
            {part.text}
            <span className="visually-hidden"> ({t(`privacy.kind.${part.kind}`)})</span>
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** Each kind found, with what it is and why it matters. */
export function FindingList({
  findings,
  kinds,
  id,
}: {
  findings?: readonly Finding[];
  kinds?: readonly FindingKind[];
  id?: string;
}) {
  const t = useT();
  const shown = kinds ?? findingKinds(findings ?? []);
  if (shown.length === 0) return null;
  return (
    <ul className="privacy-findings" id={id}>
      {shown.map((kind) => (
        <li key={kind} data-kind={kind}>
          <strong>{t(`privacy.kind.${kind}`)}</strong>
          {findings ? (
            <>
              {": "}
              {findings
                .filter((f) => f.kind === kind)
                .map((f) => f.text)
                .join(", ")}
            </>
          ) : null}
          {" – "}
          {t(`privacy.why.${kind}`)}
        </li>
      ))}
    </ul>
  );
}

type Guard = typeof PrivacyGuard;

/**
 * The guard in the browser, after typing pauses: what it finds in `text`, or null before the
 * citizen has typed. Nothing leaves the page; the detectors are fetched from our own server.
 */
export function useLivePrivacyCheck(text: string | null, words: readonly string[]) {
  const guard = useRef<Guard | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  useEffect(() => {
    if (text === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const run = (g: Guard) => {
        if (!cancelled) setFindings(g.findPersonalData(text, words));
      };
      if (guard.current) run(guard.current);
      else
        void import("~/questions/privacy-guard").then((g) => {
          guard.current = g;
          run(g);
        });
    }, 800);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, words]);
  return findings;
}
