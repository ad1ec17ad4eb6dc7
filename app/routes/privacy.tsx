import { services } from "~/platform/context.server";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import type { Route } from "./+types/privacy";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: `${metaT(matches)("privacy.title")} – ${metaT(matches)("site.name")}` }];
}

/**
 * The retention the erasure job runs with (RETENTION_DAYS, UPDATES_RETENTION_DAYS), so the page
 * says what is true.
 */
export function loader() {
  const { env } = services();
  return {
    retentionDays: env.RETENTION_DAYS,
    updatesRetentionDays: env.UPDATES_RETENTION_DAYS,
  };
}

const sections: [MessageKey, MessageKey][] = [
  ["privacy.whatHeading", "privacy.what"],
  ["privacy.whyHeading", "privacy.why"],
  ["privacy.whoHeading", "privacy.who"],
  ["privacy.questionsHeading", "privacy.questions"],
  ["privacy.languageHeading", "privacy.language"],
];

export default function Privacy({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.intro")}</p>
      {sections.map(([heading, body]) => (
        <section key={heading}>
          <h2>{t(heading)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
      <section>
        <h2>{t("privacy.rightsHeading")}</h2>
        <p>{t("privacy.rights")}</p>
        <p id="rights-use">{t("privacy.rightsUse")}</p>
      </section>
      <section>
        <h2>{t("privacy.howLongHeading")}</h2>
        <p id="retention">{t("privacy.howLongDays", { days: loaderData.retentionDays })}</p>
        <p id="retention-updates">
          {t("privacy.howLongUpdates", { days: loaderData.updatesRetentionDays })}
        </p>
      </section>
      <p className="notice">{t("privacy.sensitive")}</p>
    </>
  );
}
