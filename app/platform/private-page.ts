/**
 * Meta tags for pages addressed by a secret link (a personal token, the set-up link): kept out
 * of search engines, and the URL never sent to other sites as Referer; with the matching
 * response headers.
 */
export const privatePageMeta = [
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
];

/**
 * Headers for pages addressed by a personal token: never cached, and the URL never sent to
 * other sites as Referer. ("no-referrer" would also make browsers send Origin: null on the
 * page's own form posts, which the framework's CSRF check rightly refuses.)
 */
export const privateHeaders = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "same-origin",
  "X-Robots-Tag": "noindex",
};
