import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { Translate } from "~/i18n";
import { FieldFrame, TextAreaField } from "./fields";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two form shapes
type Field<T> = FieldMetadata<T, any, string[]>;
type Fields = {
  partySize: Field<number>;
  needsAccessibility: Field<boolean | undefined>;
  needsInterpreter: Field<boolean | undefined>;
  needsOther: Field<boolean | undefined>;
  needsText: Field<string | undefined>;
};

/**
 * Party size and needs: the part of a registration a citizen can change later. The party
 * size's hint speaks to the citizen ("Inkludert deg selv") unless the form is someone else's
 * (an organiser adding a caller says so with `partySizeHint`).
 */
export function PartyAndNeedsFields({
  fields,
  maxPartySize,
  t,
  partySizeHint,
}: {
  fields: Fields;
  maxPartySize: number;
  t: Translate;
  partySizeHint?: string;
}) {
  const { partySize, needsAccessibility, needsInterpreter, needsOther, needsText } = fields;
  return (
    <>
      <FieldFrame
        field={partySize}
        label={t("rsvp.partySize")}
        hint={partySizeHint ?? t("rsvp.partySizeHint", { max: maxPartySize })}
        t={t}
      >
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
      </FieldFrame>
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
        <TextAreaField
          field={needsText}
          label={t("rsvp.needsText")}
          hint={t("rsvp.needsTextHint")}
          t={t}
          rows={3}
        />
      </fieldset>
    </>
  );
}
