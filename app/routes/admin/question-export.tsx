import { Form, href, Link } from "react-router";
import { requireOrganiser } from "~/auth/guard.server";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { panelOrderChosen } from "~/questions/exports.server";
import type { Route } from "./+types/question-export";

export function meta({ data }: Route.MetaArgs) {
  const t = translator();
  return [{ title: adminTitle(t("export.title", { title: data?.meeting.title ?? "" })) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  return {
    meeting: { id: meeting.id, title: meeting.title },
    orderChosen: panelOrderChosen(db, meeting),
  };
}

/** One form, one button per format: the choices travel as query parameters (GET changes nothing but the log). */
export default function QuestionExport({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const id = String(loaderData.meeting.id);
  return (
    <>
      <p>
        <Link to={href("/admin/meetings/:id/questions", { id })}>{t("aq.back")}</Link>
      </p>
      <h1>{t("aq.exports")}</h1>
      <Form
        method="get"
        action={href("/admin/meetings/:id/questions/export.xlsx", { id })}
        reloadDocument
        className="card"
      >
        <fieldset aria-describedby="order-hint">
          <legend>{t("export.order")}</legend>
          <p className="hint" id="order-hint">
            {t(loaderData.orderChosen ? "export.orderChosen" : "export.orderNotChosen")}
          </p>
          <div className="checkbox">
            <input type="radio" id="order-agenda" name="order" value="agenda" defaultChecked />
            <label htmlFor="order-agenda">{t("export.order.agenda")}</label>
          </div>
          <div className="checkbox">
            <input type="radio" id="order-support" name="order" value="support" />
            <label htmlFor="order-support">{t("export.order.support")}</label>
          </div>
        </fieldset>
        <div className="field checkbox">
          <input type="checkbox" id="names" name="names" value="1" />
          <label htmlFor="names">{t("export.names")}</label>
        </div>
        <div className="button-row">
          <button
            type="submit"
            className="button"
            formAction={href("/admin/meetings/:id/questions/export.xlsx", { id })}
          >
            {t("export.xlsx")}
          </button>
          <button
            type="submit"
            className="button button-secondary"
            formAction={href("/admin/meetings/:id/questions/export.csv", { id })}
          >
            {t("export.csv")}
          </button>
          <button
            type="submit"
            className="button button-secondary"
            formAction={href("/admin/meetings/:id/questions/export.csv", { id })}
            name="separator"
            value="semicolon"
          >
            {t("export.csvSemicolon")}
          </button>
          <button
            type="submit"
            className="button button-secondary"
            formAction={href("/admin/meetings/:id/questions/print", { id })}
          >
            {t("export.print")}
          </button>
        </div>
      </Form>
    </>
  );
}
