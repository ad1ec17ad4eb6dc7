import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import type { Translate } from "~/i18n";
import { FieldError } from "./error-summary";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two form shapes
type Field<T> = FieldMetadata<T, any, string[]>;
type Fields = {
  partySize: Field<number>;
  needsAccessibility: Field<boolean | undefined>;
  needsInterpreter: Field<boolean | undefined>;
  needsOther: Field<boolean | undefined>;
  needsText: Field<string | undefined>;
};

/** Party size and needs: the part of a registration a citizen can change later. */
export function PartyAndNeedsFields({
  fields,
  maxPartySize,
  t,
}: {
  fields: Fields;
  maxPartySize: number;
  t: Translate;
}) {
  const { partySize, needsAccessibility, needsInterpreter, needsOther, needsText } = fields;
  return (
    <>
      <div className="field">
        <label htmlFor={partySize.id}>{t("rsvp.partySize")}</label>
        <p className="hint" id={partySize.descriptionId}>
          {t("rsvp.partySizeHint", { max: maxPartySize })}
        </p>
        <select
          {...getSelectProps(partySize, { ariaDescribedBy: partySize.descriptionId })}
          key={partySize.key}
        >
          {Array.from({ length: maxPartySize }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {t("rsvp.persons", { count: n })}
            </option>
          ))}
        </select>
        <FieldError id={partySize.errorId} errors={partySize.errors} t={t} />
      </div>
      <fieldset className="field">
        <legend>{t("rsvp.needs")}</legend>
        {(
          [
            [needsAccessibility, "rsvp.needs.accessibility"],
            [needsInterpreter, "rsvp.needs.interpreter"],
            [needsOther, "rsvp.needs.other"],
          ] as const
        ).map(([field, label]) => (
          <div className="checkbox" key={field.name}>
            <input {...getInputProps(field, { type: "checkbox" })} key={field.key} />
            <label htmlFor={field.id}>{t(label)}</label>
          </div>
        ))}
        <div className="field">
          <label htmlFor={needsText.id}>{t("rsvp.needsText")}</label>
          <p className="hint" id={needsText.descriptionId}>
            {t("rsvp.needsTextHint")}
          </p>
          <textarea
            {...getTextareaProps(needsText, { ariaDescribedBy: needsText.descriptionId })}
            key={needsText.key}
            rows={3}
          />
          <FieldError id={needsText.errorId} errors={needsText.errors} t={t} />
        </div>
      </fieldset>
    </>
  );
}
