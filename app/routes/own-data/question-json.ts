import { collectQuestionData, ownDataFile } from "~/own-data/own-data.server";
import { services } from "~/platform/context.server";
import { requireQuestionByToken } from "~/questions/questions.server";
import type { Route } from "./+types/question-json";

/** The receipt link's data as a file: the question and the mail about it. */
export function loader({ params }: Route.LoaderArgs) {
  const { db, service } = services();
  const { question, meeting } = requireQuestionByToken(db, params.token);
  return ownDataFile(collectQuestionData(service, question, meeting), meeting.slug);
}
