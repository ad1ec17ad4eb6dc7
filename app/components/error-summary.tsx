import { useEffect, useRef } from "react";
import { translateError, type Translate } from "~/i18n";

export interface SummaryError {
  /** id of the field the message belongs to; null for a message about the whole form. */
  fieldId: string | null;
  message: string;
  /**
   * The field's name as its label says it, for a message that does not say which field it is
   * about ("Fyll ut feltet." → "Tittel: Fyll ut feltet.").
   */
  label?: string;
}

/**
 * The list of problems at the top of a form, each linking to its field. It takes focus when
 * it appears, so keyboard and screen-reader users land on it after a failed submit.
 */
export function ErrorSummary({ errors, t }: { errors: SummaryError[]; t: Translate }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.message).join("\n");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} id="error-summary">
      <h2>{t("rsvp.errorSummary", { count: errors.length })}</h2>
      <ul>
        {errors.map((e, i) => {
          const message = translateError(t, e.message);
          const text = e.label ? t("rsvp.errorFor", { label: e.label, message }) : message;
          return <li key={i}>{e.fieldId ? <a href={`#${e.fieldId}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </div>
  );
}

export function FieldError({ id, errors, t }: { id: string; errors?: string[]; t: Translate }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.map((e) => translateError(t, e)).join(" ")}
    </p>
  );
}
