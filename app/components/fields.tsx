import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import type { Translate } from "~/i18n";
import { FieldError, type SummaryError } from "./error-summary";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's field
type AnyField = FieldMetadata<any, any, string[]>;

/**
 * The label, optional hint and errors every field has, around its control (for a control the
 * other fields here do not cover, such as a select: wire its aria-describedby to the hint).
 */
export function FieldFrame({
  field,
  label,
  hint,
  t,
  children,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={field.descriptionId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={field.errorId} errors={field.errors} t={t} />
    </div>
  );
}

/** A labelled input with optional hint and its errors, wired for screen readers. */
export function TextField({
  field,
  label,
  hint,
  type = "text",
  t,
  autoComplete,
  required,
  spellCheck,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number" | "date" | "time" | "url" | "tel" | "search";
  t: Translate;
  autoComplete?: string;
  required?: boolean;
  spellCheck?: boolean;
}) {
  return (
    <FieldFrame field={field} label={label} hint={hint} t={t}>
      <input
        {...getInputProps(field, {
          type,
          ariaDescribedBy: hint ? field.descriptionId : undefined,
        })}
        key={field.key}
        autoComplete={autoComplete}
        required={required ?? field.required}
        spellCheck={spellCheck}
      />
    </FieldFrame>
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
    <FieldFrame field={field} label={label} hint={hint} t={t}>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })}
        key={field.key}
        rows={rows}
      />
    </FieldFrame>
  );
}

/**
 * A group of radio buttons under a legend, with its hint and errors. The first button carries
 * the field's id, so the error summary's link lands on the group.
 */
export function RadioGroupField({
  field,
  legend,
  hint,
  options,
  t,
}: {
  field: AnyField;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: ReactNode }[];
  t: Translate;
}) {
  const describedBy = [hint ? field.descriptionId : null, field.errors ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset className="field" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={field.descriptionId}>
          {hint}
        </p>
      ) : null}
      {options.map((option, i) => {
        const id = i === 0 ? field.id : `${field.id}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input
              {...getInputProps(field, { type: "radio", value: option.value })}
              id={id}
              key={`${field.key ?? ""}-${option.value}`}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
      <FieldError id={field.errorId} errors={field.errors} t={t} />
    </fieldset>
  );
}

/**
 * Every error of a conform form for the error summary: derived from the form itself, so a new
 * field cannot be forgotten in the summary. With `labels` (field name → its label, in the
 * form's order) each message names its field and the list follows the form from the top,
 * whichever rule found the problem; fields without a label come last,
 * and a message about the whole form first.
 */
export function formErrors(
  form: { id: string; allErrors: Record<string, string[]> },
  labels: Record<string, string> = {},
): SummaryError[] {
  const order = Object.keys(labels);
  // A message about the whole form first, then the fields from the top.
  const rank = (name: string) =>
    name === "" ? -1 : name in labels ? order.indexOf(name) : order.length;
  return Object.entries(form.allErrors)
    .map(([name, messages], index) => ({ name, messages, index }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
    .flatMap(({ name, messages }) =>
      messages.map((message) => ({
        fieldId: name ? `${form.id}-${name}` : null,
        message,
        label: labels[name],
      })),
    );
}
