import type { ReactNode } from "react";
import { Form } from "react-router";
import { translateError } from "~/i18n";
import { useT } from "~/i18n/react";
import type { FindingKind } from "~/questions/findings";

/**
 * What an organiser page's action answers when one of its intents fails. A privacy warning
 * (the guard found what looks like personal data) also hands back the text and what was found.
 */
export type IntentFailure =
  { error?: string; field?: string; value?: string; findings?: FindingKind[] } | undefined;

/** The error an action answered, shown beside the one form (intent) it belongs to. */
export function IntentError({ failure, field }: { failure: IntentFailure; field: string }) {
  const t = useT();
  return failure?.error && failure.field === field ? (
    <p className="field-error" role="alert">
      {translateError(t, failure.error)}
    </p>
  ) : null;
}

/** The error an action answered for the page as a whole, at the top of the page. */
export function ActionError({ error }: { error: string | null | undefined }) {
  const t = useT();
  return error ? (
    <p className="notice notice-warning" role="alert">
      {translateError(t, error)}
    </p>
  ) : null;
}

/**
 * A card that posts one intent with one text area (an answer, a rewording, the summary). The
 * text area's name doubles as its id, and the heading as its label, as the pages always had it.
 */
export function TextIntentForm({
  intent,
  name,
  heading,
  hint,
  rows,
  defaultValue,
  submit,
  failure,
}: {
  intent: string;
  name: string;
  heading: ReactNode;
  hint?: ReactNode;
  rows: number;
  defaultValue: string;
  submit: ReactNode;
  failure: IntentFailure;
}) {
  const t = useT();
  const hintId = `${name}-hint`;
  const warned = failure?.field === intent && failure.error === "error.question.privacyWarning";
  return (
    <Form method="post" className="card">
      {/* The intent travels with either button: "Lagre likevel" posts its own name instead. */}
      <input type="hidden" name="intent" value={intent} />
      <h2>{heading}</h2>
      <div className="field">
        <label htmlFor={name}>{heading}</label>
        {hint ? (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        <textarea
          id={name}
          name={name}
          rows={rows}
          defaultValue={warned ? (failure.value ?? defaultValue) : defaultValue}
          aria-describedby={hint ? hintId : undefined}
        />
        <IntentError failure={failure} field={intent} />
      </div>
      {warned ? <OrganiserPrivacyWarning kinds={failure.findings ?? []} /> : null}
      <button type="submit" className="button">
        {submit}
      </button>
      {warned ? (
        <button
          type="submit"
          name="acknowledgePrivacy"
          value={intent}
          className="button button-secondary"
          id={`${name}-save-anyway`}
        >
          {t("aq.privacy.saveAnyway")}
        </button>
      ) : null}
    </Form>
  );
}

/**
 * A one-button form that posts an intent for one row (a registration, a question). The hidden
 * words name the row, so a screen reader's list of buttons tells the rows apart.
 */
export function RowAction({
  idField,
  id,
  intent,
  label,
  rowName,
  look = "secondary",
  disabled,
}: {
  idField: "registrationId" | "questionId";
  id: number;
  intent: string;
  label: string;
  rowName?: string;
  look?: "primary" | "secondary" | "danger";
  disabled?: boolean;
}) {
  return (
    <Form method="post">
      <input type="hidden" name={idField} value={id} />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={
          look === "primary" ? "button button-small" : `button button-small button-${look}`
        }
        disabled={disabled}
      >
        {label}
        {rowName ? <span className="visually-hidden"> {rowName}</span> : null}
      </button>
    </Form>
  );
}

/**
 * What the guard found in an organiser's own text, and why it matters (taushetsplikt): a
 * warning they may save past, not a block.
 */
function OrganiserPrivacyWarning({ kinds }: { kinds: FindingKind[] }) {
  const t = useT();
  return (
    <div className="notice notice-warning privacy-warning">
      <p>{t("aq.privacy.warning")}</p>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>{t(`privacy.kind.${kind}`)}</li>
        ))}
      </ul>
    </div>
  );
}
