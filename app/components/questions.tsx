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
import { AfterMeeting, type AfterMeetingData } from "./after-meeting";
import { LiveNote, useLiveUpdates, type LiveState } from "./live";
import { SubscribeForm } from "./subscribe-form";

/** The published moderation criteria: shown before the form and beside the list. */
export function ModerationCriteria({
  t,
  headingLevel = 3,
}: {
  t: Translate;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="criteria-heading" className="criteria">
      <Heading id="criteria-heading">{t("questions.criteria.heading")}</Heading>
      <p>{t("questions.criteria.intro")}</p>
      <ul>
        <li>{t("questions.criteria.people")}</li>
        <li>{t("questions.criteria.hate")}</li>
        <li>{t("questions.criteria.offTopic")}</li>
      </ul>
      <p>{t("questions.criteria.duplicates")}</p>
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
  headingLevel = 4,
}: {
  t: Translate;
  guidance: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = headingLevel === 2 ? "h2" : headingLevel === 3 ? "h3" : "h4";
  const contentLang = useContentLang();
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
}

export function QuestionForm({
  slug,
  choices,
  constraint,
  lastResult,
  source = "web",
  id = "question",
}: {
  slug: string;
  choices: ThemeChoice[];
  constraint: FormConstraint;
  lastResult?: SubmissionResult<string[]> | null;
  source?: "web" | "hall";
  id?: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  // Validated by the action only: the same answer with and without JavaScript.
  const [form, fields] = useForm<QuestionValues>({
    id,
    lastResult: lastResult ?? undefined,
    constraint,
  });
  const errors: SummaryError[] = [
    ...(form.errors ?? []).map((message) => ({ fieldId: null, message })),
    ...[fields.theme, fields.text, fields.name, fields.showName, fields.email].flatMap((field) =>
      (field.errors ?? []).map((message) => ({ fieldId: field.id, message })),
    ),
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
      <CountedTextarea field={fields.text} t={t} />
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
      <p>
        <Link to={href("/privacy")}>{t("rsvp.privacyLink")}</Link>
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
}: {
  field: AnyField;
  t: Translate;
  label?: string;
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
        onInput={(event) => setTyped(event.currentTarget.value.length)}
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

export interface ListedQuestion {
  id: number;
  text: string;
  askerName: string | null;
  supportCount: number;
  answer: string | null;
  answered: boolean;
  supported: boolean;
}

/** A theme's name as the reader sees it: the catch-all ("0", limits.ts) in their language. */
export function themeLabel(t: Translate, choice: { value: string; label: string }) {
  return choice.value === "0" ? t("questions.other") : choice.label;
}

export function supportCountText(t: Translate, count: number) {
  return t("list.supportCount", { count });
}

/** One approved question with its support button (a plain form post: works without JS). */
export function QuestionItem({
  question,
  slug,
  t,
  showAnswer,
  returnTo,
  nowAnswering,
}: {
  question: ListedQuestion;
  slug: string;
  t: Translate;
  showAnswer: boolean;
  returnTo: string;
  nowAnswering: boolean;
}) {
  return (
    <li
      className={nowAnswering ? "question now-answering" : "question"}
      id={`question-${question.id}`}
    >
      {nowAnswering ? <p className="badge">{t("list.nowAnswering")}</p> : null}
      <p className="question-text">{question.text}</p>
      <p className="hint">
        {question.askerName ? <>{t("list.askedBy", { name: question.askerName })} · </> : null}
        <span className="support-count">{supportCountText(t, question.supportCount)}</span>
        {question.answered ? <> · {t("list.answered")}</> : null}
      </p>
      {showAnswer && question.answer ? (
        <div className="answer">
          <h4>{t("list.answer")}</h4>
          <p>{question.answer}</p>
        </div>
      ) : null}
      {question.supported ? (
        <p className="supported">{t("list.supported")}</p>
      ) : (
        <Form method="post" action={href("/meetings/:slug/questions", { slug })} preventScrollReset>
          <input type="hidden" name="intent" value="support" />
          <input type="hidden" name="questionId" value={question.id} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <button
            type="submit"
            className="button button-secondary button-small"
            aria-label={t("list.supportFor", { text: question.text.slice(0, 80) })}
          >
            {t("list.support")}
          </button>
        </Form>
      )}
    </li>
  );
}

/** The public page's live updates: the meeting's public stream of changes. */
export function useLiveQuestions(slug: string): LiveState {
  return useLiveUpdates(href("/meetings/:slug/questions/events", { slug }));
}

export interface QuestionListData {
  groups: { value: string; label: string; questions: ListedQuestion[] }[];
  nowAnswering: { id: number; text: string } | null;
  answersPublished: boolean;
}

/** Approved questions grouped by theme, each with its support button. */
export function QuestionGroups({
  list,
  slug,
  returnTo,
  headingLevel = 2,
}: {
  list: QuestionListData;
  slug: string;
  returnTo: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (list.groups.length === 0) return <p id="no-questions">{t("list.empty")}</p>;
  return (
    <>
      {list.groups.map((group) => (
        <section
          key={group.value}
          aria-labelledby={`theme-${group.value}`}
          className="question-group"
        >
          <Heading id={`theme-${group.value}`}>{themeLabel(t, group)}</Heading>
          <ul className="questions">
            {group.questions.map((question) => (
              <QuestionItem
                key={question.id}
                question={question}
                slug={slug}
                t={t}
                showAnswer={list.answersPublished}
                returnTo={returnTo}
                nowAnswering={list.nowAnswering?.id === question.id}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function NowAnswering({
  question,
  t,
  headingLevel = 2,
}: {
  question: { text: string } | null;
  t: Translate;
  headingLevel?: 2 | 3;
}) {
  if (!question) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby="now-answering-heading"
      className="card now-answering-box"
      aria-live="polite"
    >
      <Heading id="now-answering-heading">{t("list.nowAnswering")}</Heading>
      <p className="question-text" id="now-answering">
        {question.text}
      </p>
    </section>
  );
}

/** The questions part of the meeting page: ask, see what others asked, and what came after. */
export function MeetingQuestions({
  slug,
  questions,
  guidance,
}: {
  slug: string;
  /** The meeting's guidance for askers (QuestionNote). */
  guidance: string;
  questions: {
    choices: ThemeChoice[];
    constraint: FormConstraint;
    subscribeConstraint: FormConstraint;
    closedReason: "cancelled" | "draft" | "past" | null;
    list: QuestionListData & { total: number; shown: number };
    after: AfterMeetingData;
  };
}) {
  const t = useT();
  const live = useLiveQuestions(slug);
  const { list, closedReason } = questions;
  return (
    <>
      <section aria-labelledby="questions-heading" className="meeting-questions">
        <h2 id="questions-heading">{t("questions.heading")}</h2>
        <NowAnswering question={list.nowAnswering} t={t} headingLevel={3} />
        <div className="columns">
          <div>
            <QuestionGroups
              list={list}
              slug={slug}
              returnTo={href("/meetings/:slug", { slug })}
              headingLevel={3}
            />
            {list.total > 0 ? (
              <p>
                <Link id="all-questions" to={href("/meetings/:slug/questions", { slug })}>
                  {t("list.seeAll")} ({list.total})
                </Link>
              </p>
            ) : null}
            <LiveNote state={live} live={t("list.live.on")} off={t("list.live.off")} />
            <ModerationCriteria t={t} />
          </div>
          <section aria-labelledby="ask-heading" className="card">
            <h3 id="ask-heading">{t("questions.askHeading")}</h3>
            {closedReason ? (
              <p className="notice">{t(`questions.closed.${closedReason}`)}</p>
            ) : (
              <>
                <p>{t("questions.askIntro")}</p>
                <QuestionNote t={t} guidance={guidance} />
                <QuestionForm
                  slug={slug}
                  choices={questions.choices}
                  constraint={questions.constraint}
                />
              </>
            )}
          </section>
        </div>
      </section>
      <AfterMeeting after={questions.after} t={t} />
      <section aria-labelledby="subscribe-heading" className="card">
        <h2 id="subscribe-heading">{t("subscribe.heading")}</h2>
        <SubscribeForm slug={slug} constraint={questions.subscribeConstraint} />
      </section>
    </>
  );
}
