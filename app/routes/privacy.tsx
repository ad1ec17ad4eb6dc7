import { translator, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

export function meta() {
  return [{ title: `${translator()("privacy.title")} – ${translator()("site.name")}` }];
}

const sections: [MessageKey, MessageKey][] = [
  ["privacy.whatHeading", "privacy.what"],
  ["privacy.whyHeading", "privacy.why"],
  ["privacy.whoHeading", "privacy.who"],
  ["privacy.howLongHeading", "privacy.howLong"],
  ["privacy.questionsHeading", "privacy.questions"],
  ["privacy.rightsHeading", "privacy.rights"],
];

export default function Privacy() {
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
      <p className="notice">{t("privacy.sensitive")}</p>
    </>
  );
}
