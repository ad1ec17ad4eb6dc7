import "~/i18n/organiser-texts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { assertSameOrigin } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { createFirstAdmin, isSetupTokenUsable } from "~/auth/setup.server";
import { ErrorSummary } from "~/components/error-summary";
import { formErrors, TextField } from "~/components/fields";
import { NewPasswordFields } from "~/components/new-password-fields";
import { services } from "~/platform/context.server";
import { Refusal, replyWithRefusal, notFound } from "~/platform/refusal.server";
import { readForm } from "~/platform/forms.server";
import { setupSchema } from "~/auth/forms";
import { privatePageMeta } from "~/platform/private-page";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/setup";

export function meta() {
  return [{ title: translator()("setup.title") }, ...privatePageMeta];
}

export function headers() {
  return { "Cache-Control": "no-store", "Referrer-Policy": "same-origin" };
}

/** The one-time link printed at first start; a used, expired or wrong link is a 404. */
const invalidLink = () => notFound({ title: "setup.title", body: "setup.invalid" });

export function loader({ params }: Route.LoaderArgs) {
  if (!isSetupTokenUsable(services().db, params.token)) invalidLink();
  return null;
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, env } = services();
  assertSameOrigin(request, env.publicUrl);
  // Before the body is read: a wrong link costs no parsing.
  if (!isSetupTokenUsable(db, params.token)) invalidLink();
  const submission = parseWithZod(await readForm(request), { schema: setupSchema });
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: ["password", "passwordRepeat"] }) },
      { status: 400 },
    );
  }
  let organiserId;
  try {
    organiserId = await createFirstAdmin(db, params.token, submission.value);
  } catch (error) {
    if (error instanceof Refusal && error.status === 404) invalidLink();
    return replyWithRefusal(submission, error, { hideFields: ["password", "passwordRepeat"] });
  }
  return redirect(href("/admin"), {
    headers: { "Set-Cookie": await createSession(db, organiserId) },
  });
}

export default function Setup({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useForm({
    id: "setup",
    lastResult: actionData?.result,
    constraint: getZodConstraint(setupSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setupSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={formErrors(form)} t={t} />
        <TextField field={fields.name} label={t("setup.name")} autoComplete="name" t={t} />
        <TextField
          field={fields.email}
          label={t("setup.email")}
          type="email"
          autoComplete="username"
          t={t}
        />
        <NewPasswordFields
          password={fields.password}
          passwordRepeat={fields.passwordRepeat}
          label={t("setup.password")}
          t={t}
        />
        <button type="submit" className="button">
          {t("setup.submit")}
        </button>
      </Form>
    </div>
  );
}
