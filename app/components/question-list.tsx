/**
 * Reading the questions: one published question with its support button, the list grouped by
 * theme, "now answering" from the hall, and the live updates that keep them current.
 */
import { Form, href } from "react-router";
import type { Translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { useLiveUpdates, type LiveState } from "./live";

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
