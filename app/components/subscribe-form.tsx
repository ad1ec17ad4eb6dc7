import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, href } from "react-router";
import { HoneypotFields } from "./honeypot-fields";
import { ErrorSummary, type SummaryError } from "~/components/error-summary";
import { TextField } from "./fields";
import { useT } from "~/i18n/react";
import type { FormConstraint } from "~/questions/limits";

/** "Hold meg oppdatert om saken": one email field, a plain form post. */
export function SubscribeForm({
  slug,
  constraint,
  lastResult,
}: {
  slug: string;
  constraint: FormConstraint;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useForm<{ email: string }>({
    id: "subscribe",
    lastResult: lastResult ?? undefined,
    constraint,
  });
  const errors: SummaryError[] = [
    ...(form.errors ?? []).map((message) => ({ fieldId: null, message })),
    ...(fields.email.errors ?? []).map((message) => ({ fieldId: fields.email.id, message })),
  ];
  return (
    <Form
      method="post"
      action={href("/meetings/:slug/subscribe", { slug })}
      {...getFormProps(form)}
      noValidate
    >
      <ErrorSummary errors={errors} t={t} />
      <p>{t("subscribe.intro")}</p>
      <HoneypotFields />
      <TextField
        field={fields.email}
        label={t("subscribe.email")}
        type="email"
        autoComplete="email"
        spellCheck={false}
        t={t}
      />
      <button type="submit" className="button button-secondary">
        {t("subscribe.submit")}
      </button>
    </Form>
  );
}
