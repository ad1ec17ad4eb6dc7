import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, href } from "react-router";
import { HoneypotInputs } from "remix-utils/honeypot/react";
import { ErrorSummary, FieldError, type SummaryError } from "~/components/error-summary";
import { useT } from "~/i18n/react";
import { useNonce } from "~/platform/nonce";
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
  const nonce = useNonce();
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
      <HoneypotInputs label={t("rsvp.honeypot")} nonce={nonce} />
      <div className="field">
        <label htmlFor={fields.email.id}>{t("subscribe.email")}</label>
        <input
          {...getInputProps(fields.email, { type: "email" })}
          key={fields.email.key}
          autoComplete="email"
          spellCheck={false}
        />
        <FieldError id={fields.email.errorId} errors={fields.email.errors} t={t} />
      </div>
      <button type="submit" className="button button-secondary">
        {t("subscribe.submit")}
      </button>
    </Form>
  );
}
