import { href, Link } from "react-router";
import { metaT, useT } from "~/i18n/react";
import { privateHeaders, privatePageMeta } from "~/platform/private-page";
import type { Route } from "./+types/erased";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: metaT(matches)("erased.title") }, ...privatePageMeta];
}

export function headers() {
  return privateHeaders;
}

/** Where erasing one's own data ends: the link used is gone, so it cannot be the page shown. */
export default function Erased() {
  const t = useT();
  return (
    <article className="narrow">
      <h1>{t("erased.title")}</h1>
      <p className="notice notice-success" role="status">
        {t("erased.body")}
      </p>
      <p>
        <Link to={href("/")}>{t("erased.home")}</Link>
      </p>
    </article>
  );
}
