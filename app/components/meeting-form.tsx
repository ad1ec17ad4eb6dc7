import {
  getCollectionProps,
  getFormProps,
  useForm,
  type DefaultValue,
  type SubmissionResult,
} from "@conform-to/react";
import type { z } from "zod";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useMemo, useRef, type FormEvent } from "react";
import { Form, Link } from "react-router";
import { editorSchema, REMINDER_CHOICES, type EditorRules } from "~/meetings/forms";
import { slugFromTitle } from "~/meetings/slug";
import type { Translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { ErrorSummary } from "./error-summary";
import { formErrors, RadioGroupField, TextAreaField, TextField } from "./fields";

type Schema = ReturnType<typeof editorSchema>;

/**
 * Each field's label, in the form's order: the fields show them and the error summary names
 * its fields with them, in this order.
 */
function labelsOf(t: Translate) {
  return {
    title: t("editor.title"),
    slug: t("editor.slug"),
    description: t("editor.description"),
    startDate: t("editor.startDate"),
    startTime: t("editor.startTime"),
    endTime: t("editor.endTime"),
    endDate: t("editor.endDate"),
    venueName: t("editor.venueName"),
    address: t("editor.address"),
    mapUrl: t("editor.mapUrl"),
    accessibility: t("editor.accessibility"),
    whatToBring: t("editor.whatToBring"),
    attendance: t("editor.attendance"),
    streamUrl: t("editor.streamUrl"),
    dialIn: t("editor.dialIn"),
    streamRevealMinutes: t("editor.streamRevealMinutes"),
    onlineCapacity: t("editor.onlineCapacity"),
    capacity: t("editor.capacity"),
    maxPartySize: t("editor.maxPartySize"),
    opensDate: t("editor.summary.opensDate"),
    opensTime: t("editor.summary.opensTime"),
    closesDate: t("editor.summary.closesDate"),
    closesTime: t("editor.summary.closesTime"),
    reminderHours: t("editor.reminders"),
    agenda: t("editor.agenda"),
    themes: t("editor.themes"),
    questionGuidance: t("editor.questionGuidance"),
    contactName: t("editor.contactName"),
    contactEmail: t("editor.contactEmail"),
    contactPhone: t("editor.contactPhone"),
  } satisfies Record<keyof z.input<Schema>, string>;
}

/**
 * The meeting editor, for new meetings and for changes; works without JavaScript. With it,
 * the address (slug) follows the title as the organiser types, until they write one of
 * their own; without it, an empty address is made from the title on the server.
 */
export function MeetingForm({
  lastResult,
  defaultValue,
  rules,
  submitLabel,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: Record<string, string | string[] | undefined>;
  rules: EditorRules;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const keptDate = rules.keptStart?.date;
  const keptTime = rules.keptStart?.time;
  const schema = useMemo(
    () =>
      editorSchema({ keptStart: keptDate && keptTime ? { date: keptDate, time: keptTime } : null }),
    [keptDate, keptTime],
  );
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id: "meeting",
    lastResult,
    defaultValue: defaultValue as DefaultValue<z.input<Schema>>,
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const f = fields;
  const label = labelsOf(t);
  // A meeting that has an address keeps it when its title changes (links to it are out).
  const ownSlug = useRef(Boolean(defaultValue.slug));
  const followTitle = (event: FormEvent<HTMLFormElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.name === f.slug.name) {
      ownSlug.current = input.value.trim() !== "";
    } else if (input.name === f.title.name && !ownSlug.current) {
      const slug = input.form?.elements.namedItem(f.slug.name);
      if (slug instanceof HTMLInputElement) {
        slug.value = input.value.trim() ? slugFromTitle(input.value) : "";
      }
    }
  };
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="editor" onInput={followTitle}>
      <ErrorSummary errors={formErrors(form, label)} t={t} />
      <fieldset>
        <legend>{t("editor.basics")}</legend>
        <TextField field={f.title} label={label.title} t={t} />
        <TextField field={f.slug} label={label.slug} hint={t("editor.slugHint")} t={t} />
        <TextAreaField
          field={f.description}
          label={label.description}
          hint={t("editor.descriptionHint")}
          rows={8}
          t={t}
        />
      </fieldset>
      <fieldset>
        <legend>{t("editor.time")}</legend>
        <p className="hint">{t("editor.timeHint")}</p>
        <div className="field-row">
          <TextField field={f.startDate} label={label.startDate} type="date" t={t} />
          <TextField field={f.startTime} label={label.startTime} type="time" t={t} />
          <TextField field={f.endTime} label={label.endTime} type="time" t={t} />
        </div>
        <TextField field={f.endDate} label={label.endDate} type="date" t={t} />
      </fieldset>
      <fieldset>
        <legend>{t("editor.place")}</legend>
        <TextField field={f.venueName} label={label.venueName} t={t} />
        <TextField field={f.address} label={label.address} t={t} autoComplete="street-address" />
        <TextField field={f.mapUrl} label={label.mapUrl} type="url" t={t} />
        <TextAreaField
          field={f.accessibility}
          label={label.accessibility}
          hint={t("editor.accessibilityHint")}
          t={t}
        />
        <TextAreaField
          field={f.whatToBring}
          label={label.whatToBring}
          hint={t("editor.whatToBringHint")}
          t={t}
          rows={2}
        />
      </fieldset>
      <fieldset>
        <legend>{t("editor.online")}</legend>
        <RadioGroupField
          field={f.attendance}
          legend={label.attendance}
          options={(["hall", "both", "online"] as const).map((value) => ({
            value,
            label: t(`editor.attendance.${value}`),
          }))}
          t={t}
        />
        <TextField
          field={f.streamUrl}
          label={label.streamUrl}
          hint={t("editor.streamUrlHint")}
          type="url"
          t={t}
        />
        <TextField field={f.dialIn} label={label.dialIn} hint={t("editor.dialInHint")} t={t} />
        <div className="field-row">
          <TextField
            field={f.streamRevealMinutes}
            label={label.streamRevealMinutes}
            type="number"
            t={t}
          />
          <TextField
            field={f.onlineCapacity}
            label={label.onlineCapacity}
            hint={t("editor.onlineCapacityHint")}
            type="number"
            t={t}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("editor.registration")}</legend>
        <div className="field-row">
          <TextField field={f.capacity} label={label.capacity} type="number" t={t} />
          <TextField field={f.maxPartySize} label={label.maxPartySize} type="number" t={t} />
        </div>
        <fieldset>
          <legend>{t("editor.opens")}</legend>
          <div className="field-row">
            <TextField field={f.opensDate} label={t("editor.date")} type="date" t={t} />
            <TextField field={f.opensTime} label={t("editor.clock")} type="time" t={t} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("editor.closes")}</legend>
          <div className="field-row">
            <TextField field={f.closesDate} label={t("editor.date")} type="date" t={t} />
            <TextField field={f.closesTime} label={t("editor.clock")} type="time" t={t} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("editor.reminders")}</legend>
          {getCollectionProps(f.reminderHours, {
            type: "checkbox",
            options: REMINDER_CHOICES.map(String),
          }).map((props) => (
            <div className="checkbox" key={props.id}>
              <input {...props} key={props.key} />
              <label htmlFor={props.id}>
                {t(`editor.reminder.${props.value}` as "editor.reminder.24")}
              </label>
            </div>
          ))}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{t("editor.program")}</legend>
        <TextAreaField
          field={f.agenda}
          label={label.agenda}
          hint={t("editor.agendaHint")}
          rows={6}
          t={t}
        />
        <TextAreaField
          field={f.themes}
          label={label.themes}
          hint={t("editor.themesHint")}
          rows={6}
          t={t}
        />
        <TextAreaField
          field={f.questionGuidance}
          label={label.questionGuidance}
          hint={t("editor.questionGuidanceHint")}
          rows={3}
          t={t}
        />
      </fieldset>
      <fieldset>
        <legend>{t("editor.contact")}</legend>
        <TextField field={f.contactName} label={label.contactName} t={t} />
        <TextField field={f.contactEmail} label={label.contactEmail} type="email" t={t} />
        <TextField field={f.contactPhone} label={label.contactPhone} type="tel" t={t} />
      </fieldset>
      <p className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo}>{t("editor.cancel")}</Link>
      </p>
    </Form>
  );
}
