import { notFound } from "~/platform/refusal.server";

/** Every unknown URL: a real 404 rendered by the root error boundary. */
export function loader() {
  notFound();
}

export function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
