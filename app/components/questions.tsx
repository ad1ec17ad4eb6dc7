/** The questions part of the meeting page, put together from the form and the list. */
import { href, Link } from "react-router";
import { useT } from "~/i18n/react";
import { type FormConstraint, type ThemeChoice } from "~/questions/limits";
import { AfterMeeting, type AfterMeetingData } from "./after-meeting";
import { LiveNote } from "./live";
import { SubscribeForm } from "./subscribe-form";
import { ModerationCriteria, QuestionForm, QuestionNote } from "./question-form";
import {
  NowAnswering,
  QuestionGroups,
  useLiveQuestions,
  type QuestionListData,
} from "./question-list";

/** The questions part of the meeting page: ask, see what others asked, and what came after. */
export function MeetingQuestions({
  slug,
  questions,
  guidance,
  guidanceLang,
}: {
  slug: string;
  /** The meeting's guidance for askers (QuestionNote), and its lang when shown in bokmål. */
  guidance: string;
  guidanceLang: "nb" | null;
  questions: {
    choices: ThemeChoice[];
    constraint: FormConstraint;
    subscribeConstraint: FormConstraint;
    closedReason: "cancelled" | "draft" | "past" | null;
    list: QuestionListData & { total: number; shown: number };
    after: AfterMeetingData;
    healthWords: string[];
    criteria: string;
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
            <ModerationCriteria t={t} criteria={questions.criteria} />
          </div>
          <section aria-labelledby="ask-heading" className="card">
            <h3 id="ask-heading">{t("questions.askHeading")}</h3>
            {closedReason ? (
              <p className="notice">{t(`questions.closed.${closedReason}`)}</p>
            ) : (
              <>
                <p>{t("questions.askIntro")}</p>
                <QuestionNote t={t} guidance={guidance} guidanceLang={guidanceLang} />
                <QuestionForm
                  slug={slug}
                  choices={questions.choices}
                  constraint={questions.constraint}
                  healthWords={questions.healthWords}
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
