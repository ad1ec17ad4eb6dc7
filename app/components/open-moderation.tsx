/**
 * Open moderation: what became of a meeting's questions, as numbers only. A declined
 * question's words are never shown, only how many were declined and why.
 */
import { useT } from "~/i18n/react";
import type { OpenModerationCounts } from "~/questions/public-list.server";

const DECLINED = ["personalData", "duplicate", "offTopic", "abusive", "other"] as const;

export function OpenModeration({ counts }: { counts: OpenModerationCounts }) {
  const t = useT();
  const rows: [string, string, number][] = [
    ["received", t("moderation.received"), counts.received],
    ["published", t("moderation.published"), counts.published],
    ["merged", t("moderation.merged"), counts.merged],
    ["answered", t("moderation.answered"), counts.answered],
    ...DECLINED.filter((c) => c !== "other" || counts.declined.other > 0).map(
      (c): [string, string, number] => [
        `declined-${c}`,
        t("moderation.declined", { reason: t(`moderation.reason.${c}`) }),
        counts.declined[c],
      ],
    ),
  ];
  return (
    <section aria-labelledby="moderation-heading" className="open-moderation" id="moderation">
      <h2 id="moderation-heading">{t("moderation.heading")}</h2>
      <p>{t("moderation.intro")}</p>
      <dl className="moderation-counts">
        {rows.map(([key, label, n]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd id={`moderation-${key}`}>{n}</dd>
          </div>
        ))}
      </dl>
      <p id="moderation-private">{t("moderation.private", { count: counts.private })}</p>
    </section>
  );
}
