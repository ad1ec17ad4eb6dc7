import { Link } from "react-router";
import type { Translate } from "~/i18n";
import type { MeetingPhase } from "~/meetings/phase";

/** phaseView() in app/questions/after.server.ts. */
export interface PhaseView {
  phase: MeetingPhase;
  /** Where the published answers and summary are, or null. */
  answers: string | null;
}

/**
 * The meeting's state (app/meetings/phase.ts) on a citizen's page, and what it means for the
 * reader: anyone (the public pages), someone signed up (the personal link) or someone who
 * asked (the receipt). Nothing while the meeting is ahead: the page's forms say that.
 */
export function PhaseNote({
  state,
  reader,
  t,
}: {
  state: PhaseView;
  reader: "public" | "attendee" | "asker";
  t: Translate;
}) {
  const { phase, answers } = state;
  if (phase === "upcoming" || (phase === "draft" && reader === "public")) return null;
  const cancelled = phase === "cancelled";
  return (
    <div className={`notice phase-note${cancelled ? " notice-warning" : ""}`} id="meeting-phase">
      <p>
        <strong>
          {cancelled
            ? t("meeting.cancelled")
            : phase === "ended"
              ? t("meeting.past")
              : t(`phase.${phase}`)}
        </strong>{" "}
        {cancelled ? t(`phase.cancelled.${reader}`) : null}
        {phase === "draft" && reader === "attendee" ? t("phase.draft.attendee") : null}
      </p>
      {phase === "ended" && answers ? (
        <p>
          <Link to={answers}>{t("phase.answers")}</Link>
        </p>
      ) : null}
    </div>
  );
}
