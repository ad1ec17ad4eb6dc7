import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { ErrorSummary } from "~/components/error-summary";
import { FieldFrame, formErrors, TextField } from "~/components/fields";
import { services } from "~/platform/context.server";
import { replyWithRefusal } from "~/platform/refusal.server";
import { answerIntent, readIntent } from "~/platform/intent.server";
import { readForm } from "~/platform/forms.server";
import { addOrganiserSchema } from "~/auth/forms";
import { ScrollingTable } from "~/components/scrolling-table";
import { TableHead } from "~/components/table-head";
import { ActionError } from "~/components/intent-forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import {
  accountStatusIntents,
  addOrganiser,
  listOrganisers,
  setOrganiserDisabled,
} from "~/auth/organisers.server";
import type { Route } from "./+types/organisers";

export function meta() {
  return [{ title: adminTitle(translator()("organisers.title")) }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const me = await requireOrganiser(request, { role: "admin" });
  return { organisers: listOrganisers(services().db), me: me.id };
}

export async function action({ request }: Route.ActionArgs) {
  const me = await requireOrganiserAction(request, { role: "admin" });
  const { db } = services();
  const formData = await readForm(request);
  if (formData.get("intent") === "add") {
    const submission = parseWithZod(formData, { schema: addOrganiserSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
    }
    try {
      await addOrganiser(db, me, submission.value);
    } catch (error) {
      return replyWithRefusal(submission, error, { hideFields: ["password"] });
    }
    return redirect(`${href("/admin/organisers")}?added=1`);
  }
  return answerIntent(async () => {
    const { intent, id } = readIntent(formData, accountStatusIntents);
    await setOrganiserDisabled(db, me, id, intent === "disable");
    return redirect(href("/admin/organisers"));
  });
}

export default function Organisers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "add-organiser",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(addOrganiserSchema),
    shouldRevalidate: "onInput",
    defaultValue: { role: "organiser" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addOrganiserSchema }),
  });
  return (
    <>
      <h1>{t("organisers.title")}</h1>
      {params.has("added") ? (
        <p className="notice notice-success" role="status">
          {t("organisers.added")}
        </p>
      ) : null}
      <ActionError error={actionData && "error" in actionData ? actionData.error : null} />
      <ScrollingTable label={t("organisers.title")}>
        <table>
          <TableHead
            columns={[
              t("organisers.name"),
              t("organisers.email"),
              t("organisers.role"),
              t("organisers.status"),
              t("organisers.actions"),
            ]}
          />
          <tbody>
            {loaderData.organisers.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{o.email}</td>
                <td>{t(`organisers.role.${o.role}`)}</td>
                <td>{o.disabledAt ? t("organisers.disabled") : t("organisers.active")}</td>
                <td>
                  {o.id === loaderData.me ? null : (
                    <Form method="post">
                      <input type="hidden" name="id" value={o.id} />
                      <button
                        type="submit"
                        name="intent"
                        value={o.disabledAt ? "enable" : "disable"}
                        className="button button-secondary button-small"
                      >
                        {o.disabledAt ? t("organisers.enable") : t("organisers.disable")}
                        <span className="visually-hidden"> {o.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <h2>{t("organisers.add")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate className="narrow">
        <ErrorSummary errors={formErrors(form)} t={t} />
        <input type="hidden" name="intent" value="add" />
        <TextField field={fields.name} label={t("organisers.name")} t={t} autoComplete="off" />
        <TextField
          field={fields.email}
          label={t("organisers.email")}
          type="email"
          t={t}
          autoComplete="off"
        />
        <FieldFrame field={fields.role} label={t("organisers.role")} t={t}>
          <select {...getSelectProps(fields.role)} key={fields.role.key}>
            <option value="organiser">{t("organisers.role.organiser")}</option>
            <option value="admin">{t("organisers.role.admin")}</option>
          </select>
        </FieldFrame>
        <TextField
          field={fields.password}
          label={t("organisers.password")}
          hint={t("organisers.passwordHint")}
          type="password"
          autoComplete="new-password"
          t={t}
        />
        <button type="submit" className="button">
          {t("organisers.submit")}
        </button>
      </Form>
    </>
  );
}
