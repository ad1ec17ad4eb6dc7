import { index, layout, prefix, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("meetings/:slug", "routes/meeting.tsx"),
  route("meetings/:slug/calendar.ics", "routes/meeting-calendar.ts"),
  route("meetings/:slug/sent", "routes/meeting-sent.tsx"),
  route("r/:token", "routes/manage.tsx"),
  route("r/:token/cancel", "routes/manage-cancel.tsx"),
  route("calendar.ics", "routes/calendar-feed.ts"),
  route("privacy", "routes/privacy.tsx"),
  route("accessibility", "routes/accessibility.tsx"),

  // A citizen's own data: see it, take it out, erase it (app/own-data/).
  route("r/:token/data", "routes/own-data/registration.tsx"),
  route("r/:token/data.json", "routes/own-data/registration-json.ts"),
  route("question/:token/data", "routes/own-data/question.tsx"),
  route("question/:token/data.json", "routes/own-data/question-json.ts"),
  route("erased", "routes/own-data/erased.tsx"),

  // Citizens' questions (app/questions/).
  route("meetings/:slug/questions", "routes/questions/list.tsx"),
  route("meetings/:slug/questions/new", "routes/questions/ask.tsx"),
  route("meetings/:slug/questions/events", "routes/questions/events.ts"),
  route("meetings/:slug/attachments/:id", "routes/questions/attachment.ts"),
  route("meetings/:slug/subscribe", "routes/questions/subscribe.tsx"),
  route("question/:token", "routes/questions/receipt.tsx"),
  route("q/:id", "routes/questions/hall.ts"),
  route("updates/:purpose/:token", "routes/questions/update-link.tsx"),
  route("healthz", "routes/healthz.ts"),
  // Benchmark baselines: answer 404 unless BENCH_BASELINES=1 (see app/platform/bench.server.ts).
  route("_bench/html/:bytes?", "routes/bench/html.tsx"),
  route("_bench/insert", "routes/bench/insert.tsx"),
  route("_bench/loop", "routes/bench/loop.tsx"),

  // Organisers. Login and first-run setup are the only /admin pages open to anonymous users.
  route("admin/login", "routes/admin/login.tsx"),
  route("admin/setup/:token", "routes/admin/setup.tsx"),
  ...prefix("admin", [
    layout("routes/admin/layout.tsx", [
      index("routes/admin/meetings.tsx"),
      route("logout", "routes/admin/logout.tsx"),
      route("account", "routes/admin/account.tsx"),
      route("organisers", "routes/admin/organisers.tsx"),
      route("audit", "routes/admin/audit.tsx"),
      route("translations", "routes/admin/translations.tsx"),
      route("translations/:language/catalogue.csv", "routes/admin/translation-file.ts", {
        id: "translation-file-csv",
      }),
      route("translations/:language/catalogue.xlsx", "routes/admin/translation-file.ts", {
        id: "translation-file-xlsx",
      }),
      route("meetings/new", "routes/admin/meeting-new.tsx"),
      route("meetings/:id", "routes/admin/meeting-dashboard.tsx"),
      route("meetings/:id/edit", "routes/admin/meeting-edit.tsx"),
      route("meetings/:id/texts/:language", "routes/admin/meeting-texts.tsx"),
      route("meetings/:id/delete", "routes/admin/meeting-delete.tsx"),
      route("meetings/:id/attendees", "routes/admin/attendees.tsx"),
      route("meetings/:id/attendees/new", "routes/admin/attendee-new.tsx"),
      route("meetings/:id/attendees/:registrationId", "routes/admin/attendee-edit.tsx"),
      route("meetings/:id/export.csv", "routes/admin/export.ts", { id: "admin-export-csv" }),
      route("meetings/:id/export.xlsx", "routes/admin/export.ts", { id: "admin-export-xlsx" }),
      route("meetings/:id/print", "routes/admin/print.tsx"),
      route("meetings/:id/archive.pdf", "routes/admin/archive.ts", { id: "archive-pdf" }),
      route("meetings/:id/archive.csv", "routes/admin/archive.ts", { id: "archive-csv" }),
      route("meetings/:id/archive.json", "routes/admin/archive.ts", { id: "archive-json" }),
      route("meetings/:id/checkin", "routes/admin/checkin.tsx"),
      route("meetings/:id/notice", "routes/admin/meeting-notice.tsx"),
      route("meetings/:id/message", "routes/admin/meeting-message.tsx"),
      route("meetings/:id/outbox", "routes/admin/meeting-outbox.tsx"),
      route("meetings/:id/outbox/:messageId/message.eml", "routes/admin/meeting-outbox-eml.ts"),
      route("meetings/:id/questions", "routes/admin/questions.tsx"),
      route("meetings/:id/questions/export", "routes/admin/question-export.tsx"),
      route("meetings/:id/questions/export.csv", "routes/admin/question-export-file.ts", {
        id: "question-export-csv",
      }),
      route("meetings/:id/questions/export.xlsx", "routes/admin/question-export-file.ts", {
        id: "question-export-xlsx",
      }),
      route("meetings/:id/questions/print", "routes/admin/question-print.tsx"),
      route("meetings/:id/present/control", "routes/admin/question-control.tsx"),
      route("meetings/:id/questions/:questionId", "routes/admin/question-edit.tsx"),
      route("meetings/:id/answers", "routes/admin/question-answers.tsx"),
      route("meetings/:id/attachments/:attachmentId", "routes/admin/question-attachment.ts"),
    ]),
    // The projector: full screen, without the organisers' menu, only what the hall should see.
    route("meetings/:id/present", "routes/admin/question-present.tsx"),
    // A draft as citizens will see it: the public page itself, marked as a preview.
    route("meetings/:id/preview", "routes/meeting.tsx", { id: "meeting-preview" }),
    // Live updates for the organisers' question pages (server-sent events, no page).
    route("meetings/:id/questions/events", "routes/admin/question-events.ts"),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
