import { href, Link } from "react-router";
import { requireOrganiser } from "~/auth/guard.server";
import { supportCountText } from "~/components/question-list";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { formatMeetingTime } from "~/platform/dates";
import { parseOrder, printQuestions } from "~/questions/exports.server";
import type { Route } from "./+types/question-print";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [{ title: adminTitle(t("export.title", { title: data?.meeting.title ?? "" })) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const search = new URL(request.url).searchParams;
  const withNames = search.get("names") === "1";
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
    },
    withNames,
    ...printQuestions(db, organiser, meeting, parseOrder(search.get("order")), withNames),
  };
}

export default function QuestionPrint({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { meeting, groups, withNames, byTheme } = loaderData;
  return (
    <div className="print-questions">
      <p className="no-print">
        <Link to={href("/admin/meetings/:id/questions/export", { id: String(meeting.id) })}>
          {t("aq.exports")}
        </Link>{" "}
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("export.printButton")}
        </button>
      </p>
      <h1>{meeting.title}</h1>
      <p>{meeting.when}</p>
      <p id="print-order">{t(byTheme ? "export.printByTheme" : "export.printInOrder")}</p>
      {groups.map((group) => {
        const list = (
          <ol className="print-list">
            {group.rows.map((row) => (
              <li key={`${row.position}-${row.text}`} value={row.position}>
                <p>
                  <strong className="question-number">
                    {t("export.position")} {row.position}
                  </strong>
                  {byTheme ? null : <span className="hint"> · {row.theme}</span>}
                </p>
                <p className="question-text">{row.text}</p>
                <p className="hint">
                  {supportCountText(t, row.supportCount)}
                  {withNames && row.askers.length > 0 ? (
                    <> · {t("list.askedBy", { name: row.askers.join(", ") })}</>
                  ) : null}
                </p>
                {row.answer ? (
                  <p className="question-text">
                    <strong>{t("export.answer")}:</strong> {row.answer}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        );
        return group.theme === null ? (
          <div key="in-order">{list}</div>
        ) : (
          <section key={group.theme} aria-label={group.theme}>
            <h2>{group.theme}</h2>
            {list}
          </section>
        );
      })}
    </div>
  );
}
