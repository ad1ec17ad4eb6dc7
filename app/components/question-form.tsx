/**
 * Asking a question: the published moderation criteria, the note before the form, the form
 * itself (a plain post that works without JavaScript) and the textarea with its live counter.
 */
import type { QuestionSource } from "../../db/questions";
import { themeLabel } from "./question-list";
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Form, href, Link, useNavigation } from "react-router";
import { HoneypotFields } from "./honeypot-fields";
import { ErrorSummary, FieldError, type SummaryError } from "~/components/error-summary";
import { FieldFrame, TextField } from "~/components/fields";
import type { Translate } from "~/i18n";
import { useContentLang, useT } from "~/i18n/react";
import { QUESTION_MAX, type FormConstraint, type ThemeChoice } from "~/questions/limits";
import type { Finding } from "~/questions/findings";
import { FindingList, MarkedText, useLivePrivacyCheck } from "./privacy-findings";

/**
 * The published moderation criteria: shown before the form and beside the list. A meeting's
 * own criteria (written by its organisers, in their language) replace the default text.
 */
export function ModerationCriteria({
  t,
  criteria = "",
  headingLevel = 3,
}: {
  t: Translate;
  criteria?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const contentLang = useContentLang();
  return (
    <section aria-labelledby="criteria-heading" className="criteria" id="criteria">
      <Heading id="criteria-heading">{t("questions.criteria.heading")}</Heading>
      {criteria ? (
        <div lang={contentLang} id="own-criteria">
          {criteria.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} className="question-text">
              {paragraph}
            </p>
          ))}
        </div>
      ) : (
        <>
          <p>{t("questions.criteria.intro")}</p>
          <ul>
            <li>{t("questions.criteria.people")}</li>
            <li>{t("questions.criteria.hate")}</li>
            <li>{t("questions.criteria.offTopic")}</li>
          </ul>
          <p>{t("questions.criteria.duplicates")}</p>
        </>
      )}
    </section>
  );
}

/**
 * The plain-language note before the form: moderated, and nothing about other people. The
 * meeting's own guidance (written in the editor, in the organisers' language) says what that
 * means in its case; without it, a neutral line in the reader's language.
 */
export function QuestionNote({
  t,
  guidance,
  guidanceLang,
  headingLevel = 4,
}: {
  t: Translate;
  guidance: string;
  /**
   * Given where the guidance comes in the reader's language (meeting-texts.server.ts): "nb"
   * when it is bokmål all the same, null when it is the reader's. Without it, it is the
   * organiser's Norwegian.
   */
  guidanceLang?: "nb" | null;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = headingLevel === 2 ? "h2" : headingLevel === 3 ? "h3" : "h4";
  const organisersLang = useContentLang();
  const contentLang = guidanceLang === undefined ? organisersLang : (guidanceLang ?? undefined);
  return (
    <div className="notice question-note" id="question-note">
      <Heading>{t("questions.note.heading")}</Heading>
      <p>{t("questions.note.moderated")}</p>
      <p id="question-guidance">
        {guidance ? (
          <strong lang={contentLang}>{guidance}</strong>
        ) : (
          <strong>{t("questions.note.privacy")}</strong>
        )}
      </p>
    </div>
  );
}

interface QuestionValues {
  theme: string;
  text: string;
  name: string;
  showName: boolean;
  email: string;
  private: boolean;
}

export function QuestionForm({
  slug,
  choices,
  constraint,
  lastResult,
  source = "web",
  id = "question",
  healthWords,
  privacyStep,
}: {
  slug: string;
  choices: ThemeChoice[];
  constraint: FormConstraint;
  lastResult?: SubmissionResult<string[]> | null;
  source?: QuestionSource;
  id?: string;
  /** The meeting's words for the guard as the citizen types. */
  healthWords: readonly string[];
  /** The second step: what the guard found in the text just posted. */
  privacyStep?: { text: string; findings: Finding[] } | null;
}) {
  const t = useT();
  const [typed, setTyped] = useState<string | null>(null);
  const live = useLivePrivacyCheck(typed, healthWords);
  const navigation = useNavigation();
  // Validated by the action only: the same answer with and without JavaScript.
  const [form, fields] = useForm<QuestionValues>({
    id,
    lastResult: lastResult ?? undefined,
    constraint,
  });
  const errors: SummaryError[] = [
    ...(form.errors ?? []).map((message) => ({ fieldId: null, message })),
    ...[
      fields.theme,
      fields.text,
      fields.name,
      fields.showName,
      fields.email,
      fields.private,
    ].flatMap((field) => (field.errors ?? []).map((message) => ({ fieldId: field.id, message }))),
  ];
  return (
    <Form
      method="post"
      action={href("/meetings/:slug/questions/new", { slug })}
      {...getFormProps(form)}
      noValidate
      className="question-form"
    >
      <ErrorSummary errors={errors} t={t} />
      <HoneypotFields />
      <input type="hidden" name="source" value={source} />
      <FieldFrame
        field={fields.theme}
        label={
          <>
            {t("questions.theme")} <span className="required">{t("rsvp.required")}</span>
          </>
        }
        t={t}
      >
        <select
          {...getSelectProps(fields.theme)}
          key={fields.theme.key}
          defaultValue={fields.theme.initialValue ?? ""}
        >
          <option value="" disabled>
            –
          </option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {themeLabel(t, c)}
            </option>
          ))}
        </select>
      </FieldFrame>
      {privacyStep ? (
        <section
          className="notice notice-warning privacy-step"
          id="privacy-step"
          aria-labelledby="privacy-step-heading"
          tabIndex={-1}
        >
          <h2 id="privacy-step-heading">{t("privacy.step.heading")}</h2>
          <p>{t("privacy.step.intro")}</p>
          <p className="question-text" id="privacy-step-text">
            <MarkedText text={privacyStep.text} findings={privacyStep.findings} />
          </p>
          <FindingList findings={privacyStep.findings} id="privacy-step-findings" />
          <p>{t("privacy.step.why")}</p>
          <p>{t("privacy.step.choices")}</p>
          <ul className="button-row">
            <li>
              <button
                type="submit"
                name="privacyChoice"
                value="moderate"
                className="button button-secondary"
                id="send-anyway"
              >
                {t("privacy.step.sendAnyway")}
              </button>
            </li>
            <li>
              <button
                type="submit"
                name="privacyChoice"
                value="private"
                className="button button-secondary"
                id="send-privately"
              >
                {t("privacy.step.sendPrivately")}
              </button>
            </li>
          </ul>
          <p className="hint">{t("privacy.step.reword")}</p>
        </section>
      ) : null}
      <CountedTextarea field={fields.text} t={t} onText={setTyped} />
      <div aria-live="polite" id="privacy-live">
        {live && live.length > 0 ? (
          <div className="notice notice-warning privacy-live">
            <p>{t("privacy.live.found")}</p>
            <FindingList findings={live} />
            <p className="hint">{t("privacy.live.hint")}</p>
          </div>
        ) : null}
      </div>
      <TextField field={fields.name} label={t("questions.name")} autoComplete="name" t={t} />
      <div className="field checkbox">
        <input
          {...getInputProps(fields.showName, {
            type: "checkbox",
            ariaDescribedBy: fields.showName.descriptionId,
          })}
          key={fields.showName.key}
        />
        <label htmlFor={fields.showName.id}>{t("questions.showName")}</label>
        <p className="hint" id={fields.showName.descriptionId}>
          {t("questions.showNameHint")}
        </p>
      </div>
      <TextField
        field={fields.email}
        label={t("questions.email")}
        hint={t("questions.emailHint")}
        type="email"
        autoComplete="email"
        spellCheck={false}
        t={t}
      />
      <div className="field checkbox">
        <input
          {...getInputProps(fields.private, {
            type: "checkbox",
            ariaDescribedBy: fields.private.descriptionId,
          })}
          key={fields.private.key}
        />
        <label htmlFor={fields.private.id}>{t("questions.private")}</label>
        <p className="hint" id={fields.private.descriptionId}>
          {t("questions.privateHint")}
        </p>
        <FieldError id={fields.private.errorId} errors={fields.private.errors} t={t} />
      </div>
      <p>
        <Link to={href("/privacy")}>{t("rsvp.privacyLink")}</Link>
      </p>
      <p>
        <Link to={`${href("/meetings/:slug/questions", { slug })}#criteria`} id="criteria-link">
          {t("questions.criteriaLink")}
        </Link>
      </p>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {t("questions.submit")}
      </button>
    </Form>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's text field
type AnyField = FieldMetadata<any, any, string[]>;

/**
 * The question textarea with its limit. Without JavaScript the hint says the limit in words;
 * with it, a counter below says how many characters are used, and tells screen readers
 * politely (after typing pauses, not on every key).
 */
export function CountedTextarea({
  field,
  t,
  label,
  onText,
}: {
  field: AnyField;
  t: Translate;
  label?: string;
  /** Hears the text as it is typed (the privacy guard). */
  onText?: (text: string) => void;
}) {
  const initial = typeof field.initialValue === "string" ? field.initialValue : "";
  // The counter exists only once scripts run; the server-rendered hint says the limit in words.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [typed, setTyped] = useState<number | null>(null);
  const count = hydrated ? (typed ?? initial.length) : null;
  const [spoken, setSpoken] = useState("");
  useEffect(() => {
    if (typed === null) return;
    const timer = setTimeout(() => setSpoken(counterText(t, typed)), 800);
    return () => clearTimeout(timer);
  }, [typed, t]);
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label ?? t("questions.text")} <span className="required">{t("rsvp.required")}</span>
      </label>
      <p className="hint" id={field.descriptionId}>
        {t("questions.textHint", { max: QUESTION_MAX })}
      </p>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: field.descriptionId })}
        key={field.key}
        rows={5}
        onInput={(event) => {
          setTyped(event.currentTarget.value.length);
          onText?.(event.currentTarget.value);
        }}
      />
      {count === null ? null : (
        <p
          className={count > QUESTION_MAX ? "counter field-error" : "counter hint"}
          id={`${field.id}-counter`}
          aria-hidden="true"
        >
          {counterText(t, count)}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
      <FieldError id={field.errorId} errors={field.errors} t={t} />
    </div>
  );
}

function counterText(t: Translate, count: number) {
  return count > QUESTION_MAX
    ? t("questions.counterOver", { count, max: QUESTION_MAX, over: count - QUESTION_MAX })
    : t("questions.counter", { count, max: QUESTION_MAX });
}
