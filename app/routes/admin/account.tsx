import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { ErrorSummary } from "~/components/error-summary";
import { formErrors, TextField } from "~/components/fields";
import { NewPasswordFields } from "~/components/new-password-fields";
import { services } from "~/platform/context.server";
import { replyWithRefusal } from "~/platform/refusal.server";
import { readForm } from "~/platform/forms.server";
import { changePasswordSchema } from "~/auth/forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { changePassword } from "~/auth/organisers.server";
import type { Route } from "./+types/account";

export function meta() {
  return [{ title: adminTitle(translator()("account.title")) }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  return { name: organiser.name, email: organiser.email, role: organiser.role };
}

export async function action({ request }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const submission = parseWithZod(await readForm(request), { schema: changePasswordSchema });
  const hideFields = ["currentPassword", "password", "passwordRepeat"];
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  }
  try {
    await changePassword(
      services().db,
      organiser,
      submission.value.currentPassword,
      submission.value.password,
      request,
    );
  } catch (error) {
    return replyWithRefusal(submission, error, { hideFields });
  }
  return redirect(`${href("/admin/account")}?changed=1`);
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(changePasswordSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("account.title")}</h1>
      <p>
        {loaderData.name} ({loaderData.email}) – {t(`organisers.role.${loaderData.role}`)}
      </p>
      {params.has("changed") ? (
        <p className="notice notice-success" role="status">
          {t("account.changed")}
        </p>
      ) : null}
      <h2>{t("account.changePassword")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={formErrors(form)} t={t} />
        <input
          type="text"
          name="username"
          value={loaderData.email}
          autoComplete="username"
          readOnly
          hidden
        />
        <TextField
          field={fields.currentPassword}
          label={t("account.currentPassword")}
          type="password"
          autoComplete="current-password"
          t={t}
        />
        <NewPasswordFields
          password={fields.password}
          passwordRepeat={fields.passwordRepeat}
          label={t("account.newPassword")}
          t={t}
        />
        <button type="submit" className="button">
          {t("account.submit")}
        </button>
      </Form>
    </div>
  );
}
