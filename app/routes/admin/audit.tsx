import { href, Link } from "react-router";
import { auditPage } from "~/platform/audit.server";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { formatDateTime } from "~/platform/dates";
import { ScrollingTable } from "~/components/scrolling-table";
import { TableHead } from "~/components/table-head";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/audit";

export function meta() {
  return [{ title: adminTitle(translator()("audit.title")) }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requireOrganiser(request, { role: "admin" });
  return auditPage(services().db, Number(new URL(request.url).searchParams.get("page") ?? "1"));
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { entries, page, pages } = loaderData;
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <ScrollingTable label={t("audit.title")}>
          <table>
            <TableHead
              columns={[t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.target")]}
            />
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.meetingId ? (
                      <Link to={href("/admin/meetings/:id", { id: String(e.meetingId) })}>
                        {e.target ?? `#${e.meetingId}`}
                      </Link>
                    ) : (
                      e.target
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
      <p className="actions">
        {page > 1 ? <Link to={`?page=${page - 1}`}>{t("audit.newer")}</Link> : null}
        {page < pages ? <Link to={`?page=${page + 1}`}>{t("audit.older")}</Link> : null}
      </p>
    </>
  );
}
