import { services } from "~/platform/context.server";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import type { Route } from "./+types/accessibility";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: `${metaT(matches)("accessibility.title")} – ${metaT(matches)("site.name")}` }];
}

/**
 * The settings the page names: the municipality's statement on uustatus.no
 * (ACCESSIBILITY_STATEMENT_URL) and where feedback goes (ACCESSIBILITY_FEEDBACK_EMAIL, else
 * CONTACT_EMAIL).
 */
export function loader() {
  const { env } = services();
  return {
    statementUrl: env.ACCESSIBILITY_STATEMENT_URL ?? null,
    feedbackEmail: env.accessibilityFeedbackEmail,
  };
}

const how: MessageKey[] = [
  "accessibility.how.axe",
  "accessibility.how.keyboard",
  "accessibility.how.noScript",
  "accessibility.how.reflow",
];

const gaps: MessageKey[] = [
  "accessibility.gap.manual",
  "accessibility.gap.languages",
  "accessibility.gap.mail",
  "accessibility.gap.ownTexts",
  "accessibility.gap.organiserNoScript",
  "accessibility.gap.wcag22",
];

// Digdir's supervisory authority, where the law lets anyone complain.
const supervisoryAuthority = "https://www.uutilsynet.no/";

export default function Accessibility({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { statementUrl, feedbackEmail } = loaderData;
  const mailto = `mailto:${feedbackEmail}?subject=${encodeURIComponent(t("accessibility.feedbackSubject"))}`;
  return (
    <>
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.intro")}</p>
      <section aria-labelledby="statement-heading">
        <h2 id="statement-heading">{t("accessibility.statementHeading")}</h2>
        <p>
          {t("accessibility.statement", { owner: t("site.owner") })}{" "}
          {statementUrl ? null : t("accessibility.statementNotLinked")}
        </p>
        {statementUrl ? (
          <p>
            <a href={statementUrl} id="statement-link">
              {t("accessibility.statementLink")}
            </a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="standard-heading">
        <h2 id="standard-heading">{t("accessibility.standardHeading")}</h2>
        <p>{t("accessibility.standard")}</p>
      </section>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("accessibility.howHeading")}</h2>
        <ul>
          {how.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t("accessibility.gapsHeading")}</h2>
        <ul id="known-gaps">
          {gaps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t("accessibility.feedbackHeading")}</h2>
        <p>{t("accessibility.feedback")}</p>
        <p id="accessibility-feedback">
          {t("accessibility.feedbackEmail")} <a href={mailto}>{feedbackEmail}</a>
        </p>
        <p>
          {t("accessibility.complaint")}{" "}
          <a href={supervisoryAuthority} hrefLang="nb">
            uutilsynet.no
          </a>
        </p>
      </section>
    </>
  );
}
