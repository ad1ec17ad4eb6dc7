// on-headers ships no types; the one function it exports.
declare module "on-headers" {
  import type { ServerResponse } from "node:http";
  export default function onHeaders(
    res: ServerResponse,
    listener: (this: ServerResponse) => void,
  ): void;
}
