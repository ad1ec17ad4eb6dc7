import {
  getCollectionProps,
  getFormProps,
  useForm,
  type DefaultValue,
  type SubmissionResult,
} from "@conform-to/react";
import type { z } from "zod";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { meetingSchema, REMINDER_CHOICES } from "~/meetings/forms";
import { useT } from "~/i18n/react";
import { ErrorSummary } from "./error-summary";
import { formErrors, TextAreaField, TextField } from "./fields";

/** The meeting editor, for new meetings and for changes; works without JavaScript. */
export function MeetingForm({
  lastResult,
  defaultValue,
  submitLabel,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: Record<string, string | string[] | undefined>;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm<
    z.input<typeof meetingSchema>,
    z.output<typeof meetingSchema>,
    string[]
  >({
    id: "meeting",
    lastResult,
    defaultValue: defaultValue as DefaultValue<z.input<typeof meetingSchema>>,
    constraint: getZodConstraint(meetingSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema }),
  });
  const f = fields;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="editor">
      <ErrorSummary errors={formErrors(form)} t={t} />
      <fieldset>
        <legend>{t("editor.basics")}</legend>
        <TextField field={f.title} label={t("editor.title")} t={t} />
        <TextField field={f.slug} label={t("editor.slug")} hint={t("editor.slugHint")} t={t} />
        <TextAreaField
          field={f.description}
          label={t("editor.description")}
          hint={t("editor.descriptionHint")}
          rows={8}
          t={t}
        />
      </fieldset>
      <fieldset>
        <legend>{t("editor.time")}</legend>
        <p className="hint">{t("editor.timeHint")}</p>
        <div className="field-row">
          <TextField field={f.startDate} label={t("editor.startDate")} type="date" t={t} />
          <TextField field={f.startTime} label={t("editor.startTime")} type="time" t={t} />
          <TextField field={f.endTime} label={t("editor.endTime")} type="time" t={t} />
        </div>
        <TextField field={f.endDate} label={t("editor.endDate")} type="date" t={t} />
      </fieldset>
      <fieldset>
        <legend>{t("editor.place")}</legend>
        <TextField field={f.venueName} label={t("editor.venueName")} t={t} />
        <TextField
          field={f.address}
          label={t("editor.address")}
          t={t}
          autoComplete="street-address"
        />
        <TextField field={f.mapUrl} label={t("editor.mapUrl")} type="url" t={t} />
        <TextAreaField
          field={f.accessibility}
          label={t("editor.accessibility")}
          hint={t("editor.accessibilityHint")}
          t={t}
        />
        <TextAreaField
          field={f.whatToBring}
          label={t("editor.whatToBring")}
          hint={t("editor.whatToBringHint")}
          t={t}
          rows={2}
        />
      </fieldset>
      <fieldset>
        <legend>{t("editor.registration")}</legend>
        <div className="field-row">
          <TextField field={f.capacity} label={t("editor.capacity")} type="number" t={t} />
          <TextField field={f.maxPartySize} label={t("editor.maxPartySize")} type="number" t={t} />
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
          label={t("editor.agenda")}
          hint={t("editor.agendaHint")}
          rows={6}
          t={t}
        />
        <TextAreaField
          field={f.themes}
          label={t("editor.themes")}
          hint={t("editor.themesHint")}
          rows={6}
          t={t}
        />
      </fieldset>
      <fieldset>
        <legend>{t("editor.contact")}</legend>
        <TextField field={f.contactName} label={t("editor.contactName")} t={t} />
        <TextField field={f.contactEmail} label={t("editor.contactEmail")} type="email" t={t} />
        <TextField field={f.contactPhone} label={t("editor.contactPhone")} type="tel" t={t} />
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
