import { getFormProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { organiserRegistrationSchema } from "~/registrations/forms";
import { useT } from "~/i18n/react";
import { ErrorSummary } from "./error-summary";
import { formErrors, RadioGroupField, TextAreaField, TextField } from "./fields";
import { PartyAndNeedsFields } from "./registration-fields";

/** An organiser's form for a registration made by hand (phone, walk-in) or corrected. */
export function AttendeeForm({
  lastResult,
  defaultValue,
  maxPartySize,
  chooseAttendance,
  submitLabel,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, string | undefined>;
  maxPartySize: number;
  /** A meeting held both in the hall and online: the organiser says which. */
  chooseAttendance: boolean;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const schema = organiserRegistrationSchema(maxPartySize);
  type Schema = ReturnType<typeof organiserRegistrationSchema>;
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id: "attendee",
    lastResult,
    defaultValue: { partySize: "1", attendance: "hall", ...defaultValue } as DefaultValue<
      z.input<Schema>
    >,
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const f = fields;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="narrow">
      <ErrorSummary errors={formErrors(form)} t={t} />
      <TextField field={f.name} label={t("rsvp.name")} t={t} autoComplete="off" />
      <TextField
        field={f.email}
        label={t("registrationForm.emailOptional")}
        hint={t("registrationForm.emailHint")}
        type="email"
        t={t}
        autoComplete="off"
      />
      <TextField
        field={f.phone}
        label={t("registrationForm.phone")}
        type="tel"
        t={t}
        autoComplete="off"
      />
      {chooseAttendance ? (
        <RadioGroupField
          field={f.attendance}
          legend={t("attendees.attendance")}
          options={(["hall", "online"] as const).map((value) => ({
            value,
            label: t(`confirm.attendance.${value}`),
          }))}
          t={t}
        />
      ) : null}
      <PartyAndNeedsFields
        fields={f}
        maxPartySize={Math.max(maxPartySize, 1)}
        t={t}
        partySizeHint={t("registrationForm.partySizeHint", { max: Math.max(maxPartySize, 1) })}
      />
      <TextAreaField field={f.note} label={t("registrationForm.note")} t={t} rows={2} />
      <p className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo}>{t("editor.cancel")}</Link>
      </p>
    </Form>
  );
}
