import { data } from "react-router";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { downloadResponse, requestedFileFormat } from "~/exports/exports.server";
import { isImportedLanguage } from "~/i18n";
import { catalogueFile } from "~/translations/catalogue-file.server";
import type { Route } from "./+types/translation-file";

/** The file a translator fills, at catalogue.csv and catalogue.xlsx (see app/routes.ts). */
export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  if (!isImportedLanguage(params.language)) {
    throw data({ title: "error.notFound.title", body: "error.notFound.body" }, { status: 404 });
  }
  const file = await catalogueFile(
    services().db,
    params.language,
    requestedFileFormat(new URL(request.url)),
  );
  return downloadResponse(file);
}
