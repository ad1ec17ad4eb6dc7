import { href, Link, useSearchParams } from "react-router";
import { mailHealth } from "~/mail/outbox-view.server";
import { meetingOverview } from "~/dashboard/dashboard.server";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { formatMeetingTime } from "~/platform/dates";
import { ScrollingTable } from "~/components/scrolling-table";
import { TableHead } from "~/components/table-head";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/meetings";

export function meta() {
  return [{ title: adminTitle(translator()("meetings.title")) }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  return { meetings: meetingOverview(db), mail: mailHealth(db) };
}

export default function Meetings({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("meetings.title")}</h1>
      {params.has("deleted") ? (
        <p className="notice notice-success" role="status">
          {t("delete.done")}
        </p>
      ) : null}
      {loaderData.mail.failed > 0 || loaderData.mail.retrying ? (
        <div className="notice notice-warning" role="alert" id="mail-health">
          <p>
            {loaderData.mail.failed > 0
              ? t("meetings.mailFailed", { count: loaderData.mail.failed })
              : t("meetings.mailRetrying", { count: loaderData.mail.pending })}
          </p>
          {loaderData.mail.lastError ? (
            <p>
              {t("meetings.mailLastError")} <code>{loaderData.mail.lastError}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <p>
        <Link to={href("/admin/meetings/new")} className="button">
          {t("meetings.new")}
        </Link>
      </p>
      {loaderData.meetings.length === 0 ? (
        <p>{t("meetings.empty")}</p>
      ) : (
        <ScrollingTable label={t("meetings.title")}>
          <table>
            <TableHead
              columns={[
                t("editor.title"),
                t("meetings.when"),
                t("meetings.status"),
                t("meetings.registered"),
              ]}
            />
            <tbody>
              {loaderData.meetings.map(({ meeting, phase, counts }) => (
                <tr key={meeting.id}>
                  <td>
                    <Link to={href("/admin/meetings/:id", { id: String(meeting.id) })}>
                      {meeting.title}
                    </Link>
                  </td>
                  <td>{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</td>
                  <td>{t(`meetings.phase.${phase}`)}</td>
                  <td>
                    {meeting.attendance !== "online" ? (
                      <>
                        {counts.confirmedPeople - counts.onlinePeople} / {meeting.capacity}
                        {counts.waitlistedPeople ? ` (+${counts.waitlistedPeople})` : ""}
                      </>
                    ) : null}
                    {meeting.attendance !== "hall" ? (
                      <>
                        {meeting.attendance === "both" ? <br /> : null}
                        {t("meetings.online", { count: counts.onlinePeople })}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}
