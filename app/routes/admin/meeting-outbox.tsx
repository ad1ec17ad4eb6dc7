import { Form, href, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { ScrollingTable } from "~/components/scrolling-table";
import { TableHead } from "~/components/table-head";
import { ActionError } from "~/components/intent-forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { meetingOutbox, retryIntent, retryMessage } from "~/mail/outbox-view.server";
import { answerIntent, readIntent } from "~/platform/intent.server";
import { Refusal } from "~/platform/refusal.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { formatDateTime } from "~/platform/dates";
import type { Route } from "./+types/meeting-outbox";

export function meta() {
  return [{ title: adminTitle(translator()("outbox.title")) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  return {
    meeting: { id: meeting.id, title: meeting.title },
    messages: meetingOutbox(db, meeting.id),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  return answerIntent(() => {
    const { messageId } = readIntent(formData, retryIntent);
    if (!retryMessage(service, organiser, meeting.id, messageId)) {
      throw new Refusal("outbox.notRetried");
    }
    return redirect(`${href("/admin/meetings/:id/outbox", { id: String(meeting.id) })}?retried=1`);
  });
}

export default function MeetingOutbox({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { meeting, messages } = loaderData;
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{meeting.title}</p>
      {params.has("retried") ? (
        <p className="notice notice-success" role="status">
          {t("outbox.retried")}
        </p>
      ) : null}
      <ActionError error={actionData?.error} />
      {messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ScrollingTable label={t("outbox.caption")}>
          <table className="compact" id="outbox-table">
            <caption>{t("outbox.caption")}</caption>
            <TableHead
              columns={[
                t("outbox.created"),
                t("outbox.to"),
                t("outbox.purpose"),
                t("outbox.state"),
                t("outbox.attempts"),
                t("outbox.lastError"),
                t("outbox.actions"),
              ]}
            />
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-status={m.status}>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>
                    {m.toAddress === "" ? (
                      <span className="hint">{t("attendees.anonymised")}</span>
                    ) : (
                      <>
                        {m.toName ? `${m.toName} ` : ""}&lt;{m.toAddress}&gt;
                      </>
                    )}
                  </td>
                  <td>{t(`outbox.purpose.${m.purpose}`)}</td>
                  <td>{t(`outbox.status.${m.status}`)}</td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? ""}</td>
                  <td>
                    {m.hasEml ? (
                      <a
                        href={href("/admin/meetings/:id/outbox/:messageId/message.eml", {
                          id: String(meeting.id),
                          messageId: String(m.id),
                        })}
                        download
                      >
                        {t("outbox.eml")}
                      </a>
                    ) : null}
                    {m.retryable ? (
                      <Form method="post">
                        <input type="hidden" name="messageId" value={m.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="retry"
                          className="button button-secondary"
                        >
                          {t("outbox.retry")}
                        </button>
                      </Form>
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
