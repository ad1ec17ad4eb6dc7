/**
 * The react-email components our templates use, each from its own package.
 *
 * `@react-email/components` re-exports every component, and loading it evaluates all of them,
 * the Tailwind compiler and Prism among them: about 8 MB more of live heap in the server
 * process (and some 20 MB of resident memory) for code no template of ours runs (ADR 0009).
 * These are the same packages at the versions `@react-email/components` pins.
 */
export { Body } from "@react-email/body";
export { Button } from "@react-email/button";
export { Container } from "@react-email/container";
export { Head } from "@react-email/head";
export { Heading } from "@react-email/heading";
export { Hr } from "@react-email/hr";
export { Html } from "@react-email/html";
export { Img } from "@react-email/img";
export { Link } from "@react-email/link";
export { render, toPlainText } from "@react-email/render";
export { Section } from "@react-email/section";
export { Text } from "@react-email/text";
