import { useId } from "react";
import { useRouteLoaderData } from "react-router";
import type { HoneypotInputProps } from "remix-utils/honeypot/server";
import { useT } from "~/i18n/react";

/**
 * The spam trap on every public form: a field people never see and bots fill, and the
 * encrypted time the form was served (app/platform/honeypot.server.ts checks both). The same
 * fields as remix-utils' HoneypotInputs, without its inline <style>: the Content-Security-Policy
 * lets that style in only with the response's nonce, which a page rendered in the browser after
 * a client-side navigation does not have, so the trap showed there. A class from styles.css
 * hides it on every render. aria-hidden and tabIndex -1 keep it from screen readers and the
 * keyboard should the stylesheet not load.
 */
export function HoneypotFields() {
  const t = useT();
  const id = useId();
  // The root loader's (root.tsx), which every page has.
  const root = useRouteLoaderData("root") as
    { honeypotInputProps?: HoneypotInputProps } | undefined;
  const props = root?.honeypotInputProps;
  if (!props) return null;
  const { nameFieldName, validFromFieldName, encryptedValidFrom } = props;
  const label = t("rsvp.honeypot");
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={`${id}-name`}>{label}</label>
      <input
        id={`${id}-name`}
        name={nameFieldName}
        type="text"
        defaultValue=""
        autoComplete="off"
        tabIndex={-1}
      />
      {validFromFieldName && encryptedValidFrom ? (
        <>
          <label htmlFor={`${id}-from`}>{label}</label>
          <input
            id={`${id}-from`}
            name={validFromFieldName}
            type="text"
            value={encryptedValidFrom}
            readOnly
            autoComplete="off"
            tabIndex={-1}
          />
        </>
      ) : null}
    </div>
  );
}
