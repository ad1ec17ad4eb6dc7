/**
 * Meta tags for pages addressed by a secret link (a personal token, the set-up link): kept out
 * of search engines, and the URL never sent to other sites as Referer. The matching response
 * headers are `privateHeaders` (app/registrations/manage.server.ts).
 */
export const privatePageMeta = [
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
];
