import { data, Form, href, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { adminTitle } from "~/auth/admin-title";
import { ScrollingTable } from "~/components/scrolling-table";
import { TableHead } from "~/components/table-head";
import {
  importedLanguages,
  isImportedLanguage,
  isOfferedLanguage,
  languageNames,
  translator,
} from "~/i18n";
import { useT } from "~/i18n/react";
import {
  clearTranslations,
  describeProblem,
  importCatalogueFile,
  translationStatus,
} from "~/translations/catalogue-file.server";
import type { Route } from "./+types/translations";

export function meta() {
  return [{ title: adminTitle(translator()("translations.title")) }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  return {
    canUpload: organiser.role === "admin",
    languages: importedLanguages.map((language) => ({
      language,
      name: languageNames[language],
      offered: isOfferedLanguage(language),
      ...translationStatus(language),
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request, { role: "admin" });
  const { db } = services();
  const formData = await readForm(request);
  const t = translator();
  const language = formData.get("language");
  if (!isImportedLanguage(language)) {
    return data({ problems: [t("translations.error.language")] }, { status: 400 });
  }
  if (formData.get("intent") === "clear") {
    clearTranslations(db, organiser, language);
    return redirect(`${href("/admin/translations")}?cleared=${language}`);
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return data({ problems: [t("translations.error.noFile")] }, { status: 400 });
  }
  const result = await importCatalogueFile(
    db,
    organiser,
    language,
    new Uint8Array(await file.arrayBuffer()),
  );
  if (!result.ok) {
    return data(
      { problems: result.problems.map((problem) => describeProblem(t, problem)) },
      { status: 400 },
    );
  }
  return redirect(`${href("/admin/translations")}?imported=${result.texts}`);
}

export default function Translations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const imported = params.get("imported");
  return (
    <>
      <h1>{t("translations.title")}</h1>
      <p>{t("translations.intro")}</p>
      {imported !== null ? (
        <p className="notice notice-success" role="status">
          {t("translations.imported", { count: Number(imported) })}
        </p>
      ) : null}
      {params.has("cleared") ? (
        <p className="notice notice-success" role="status">
          {t("translations.cleared")}
        </p>
      ) : null}
      {actionData?.problems.length ? (
        <div className="notice notice-warning" role="alert" id="translation-problems">
          <p>{t("translations.refused")}</p>
          <ul>
            {actionData.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {loaderData.languages.map((l) => (
        <section key={l.language} aria-labelledby={`language-${l.language}`} className="card">
          <h2 id={`language-${l.language}`} lang={l.language}>
            {l.name}
          </h2>
          <p id={`status-${l.language}`}>
            {t("translations.status", { count: l.translated, total: l.total })}
            {l.offered ? ` ${t("translations.offered")}` : null}
          </p>
          <h3>{t("translations.download")}</h3>
          <p className="hint">{t("translations.download.hint", { example: "{name}" })}</p>
          <ul>
            <li>
              <a
                href={href("/admin/translations/:language/catalogue.xlsx", {
                  language: l.language,
                })}
                download
              >
                {t("translations.download.xlsx")}
              </a>
            </li>
            <li>
              <a
                href={href("/admin/translations/:language/catalogue.csv", {
                  language: l.language,
                })}
                download
              >
                {t("translations.download.csv")}
              </a>
            </li>
            <li>
              <a
                href={`${href("/admin/translations/:language/catalogue.csv", {
                  language: l.language,
                })}?separator=semicolon`}
                download
              >
                {t("translations.download.csvSemicolon")}
              </a>
            </li>
          </ul>
          <h3>{t("translations.upload")}</h3>
          {loaderData.canUpload ? (
            <>
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="language" value={l.language} />
                <div className="field">
                  <label htmlFor={`file-${l.language}`}>{t("translations.upload.file")}</label>
                  <p className="hint" id={`file-hint-${l.language}`}>
                    {t("translations.upload.hint")}
                  </p>
                  <input
                    type="file"
                    id={`file-${l.language}`}
                    name="file"
                    aria-describedby={`file-hint-${l.language}`}
                    accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  />
                </div>
                <button type="submit" name="intent" value="import" className="button">
                  {t("translations.upload.submit")}
                </button>
              </Form>
              {l.translated > 0 ? (
                <Form method="post" className="button-row">
                  <input type="hidden" name="language" value={l.language} />
                  <button
                    type="submit"
                    name="intent"
                    value="clear"
                    className="button button-danger"
                  >
                    {t("translations.clear", { language: l.name })}
                  </button>
                </Form>
              ) : null}
            </>
          ) : (
            <p>{t("translations.upload.adminOnly")}</p>
          )}
          {l.missing.length ? (
            <details>
              <summary>{t("translations.missing", { count: l.missing.length })}</summary>
              <ScrollingTable label={t("translations.missing", { count: l.missing.length })}>
                <table>
                  <TableHead
                    columns={[t("translations.missing.key"), t("translations.missing.bokmal")]}
                  />
                  <tbody>
                    {l.missing.map((m) => (
                      <tr key={m.key}>
                        <td>
                          <code>{m.key}</code>
                        </td>
                        <td>{m.bokmal}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollingTable>
            </details>
          ) : null}
        </section>
      ))}
    </>
  );
}
