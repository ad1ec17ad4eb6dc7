import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import type { Translate } from "~/i18n";
import { TextField } from "./fields";

/**
 * A new password typed twice, as the set-up and the account page ask for it: the same hint and
 * autocomplete on both, so password managers offer to generate and save one in either place.
 */
export function NewPasswordFields({
  password,
  passwordRepeat,
  label,
  t,
}: {
  password: FieldMetadata<string, Record<string, unknown>, string[]>;
  passwordRepeat: FieldMetadata<string | undefined, Record<string, unknown>, string[]>;
  label: ReactNode;
  t: Translate;
}) {
  return (
    <>
      <TextField
        field={password}
        label={label}
        hint={t("setup.passwordHint")}
        type="password"
        autoComplete="new-password"
        t={t}
      />
      <TextField
        field={passwordRepeat}
        label={t("setup.passwordRepeat")}
        type="password"
        autoComplete="new-password"
        t={t}
      />
    </>
  );
}
