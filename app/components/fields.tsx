import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import type { Translate } from "~/i18n";
import { FieldError, type SummaryError } from "./error-summary";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's field
type AnyField = FieldMetadata<any, any, string[]>;

/** A labelled input with optional hint and its errors, wired for screen readers. */
export function TextField({
  field,
  label,
  hint,
  type = "text",
  t,
  autoComplete,
  required,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number" | "date" | "time" | "url" | "tel" | "search";
  t: Translate;
  autoComplete?: string;
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={field.descriptionId}>
          {hint}
        </p>
      ) : null}
      <input
        {...getInputProps(field, {
          type,
          ariaDescribedBy: hint ? field.descriptionId : undefined,
        })}
        key={field.key}
        autoComplete={autoComplete}
        required={required ?? field.required}
      />
      <FieldError id={field.errorId} errors={field.errors} t={t} />
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  hint,
  t,
  rows = 4,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  t: Translate;
  rows?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={field.descriptionId}>
          {hint}
        </p>
      ) : null}
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })}
        key={field.key}
        rows={rows}
      />
      <FieldError id={field.errorId} errors={field.errors} t={t} />
    </div>
  );
}

/** Every error of the listed fields, in order, for the error summary. */
/**
 * Every error of a conform form, in the order of its fields, for the error summary: derived
 * from the form itself, so a new field cannot be forgotten in the summary.
 */
export function formErrors(form: {
  id: string;
  allErrors: Record<string, string[]>;
}): SummaryError[] {
  return Object.entries(form.allErrors).flatMap(([name, messages]) =>
    messages.map((message) => ({ fieldId: name ? `${form.id}-${name}` : null, message })),
  );
}
