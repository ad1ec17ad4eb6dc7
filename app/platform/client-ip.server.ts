import type { AppLoadContext } from "react-router";

declare module "react-router" {
  interface AppLoadContext {
    /** The client's address as the custom server (server.js) saw it. */
    clientIp?: string;
  }
}

export const clientIp = (context: AppLoadContext | undefined) => context?.clientIp ?? "unknown";
