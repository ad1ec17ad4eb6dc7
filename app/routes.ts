import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("meetings/:slug", "routes/meeting.tsx"),
  route("meetings/:slug/calendar.ics", "routes/meeting-calendar.ts"),
  route("meetings/:slug/updated", "routes/meeting-updated.tsx"),
  route("r/:token", "routes/manage.tsx"),
  route("r/:token/cancel", "routes/manage-cancel.tsx"),
  route("privacy", "routes/privacy.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
