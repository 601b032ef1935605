import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// An incoming id is honoured only when it is short and plain, so a client cannot
// forge log structure or flood a line.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
}
