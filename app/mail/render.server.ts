// React email and its dependencies take about half a second and tens of megabytes to load,
// and no page view needs them: they are loaded when the first mail is rendered.
import type * as Render from "../../emails/render";

let module: Promise<typeof Render> | undefined;

/** emails/render.ts's renderEmail, loaded on first use. */
export async function renderEmail(
  ...args: Parameters<typeof Render.renderEmail>
): ReturnType<typeof Render.renderEmail> {
  module ??= import("../../emails/render");
  return (await module).renderEmail(...args);
}
