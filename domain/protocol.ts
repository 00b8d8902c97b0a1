// Wire constants shared by the sync server and the PWA's sync client.
// The full protocol is written down in docs/ARCHITECTURE.md.

export const PROTOCOL_VERSION = 1;

/** y-websocket message types (y-protocols), plus Slinga's acknowledgement extension. */
export const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Slinga extension: server → client, "this is what I now hold, persisted". Sent only to clients that asked with `ack=1`. */
  ack: 100,
} as const;

/** Query parameter by which our own client asks for acknowledgements. */
export const ACK_PARAM = 'ack';

/**
 * WebSocket close codes. 4xxx codes are fatal: the client stops reconnecting
 * (until the user signs in again). 1011 and 1013 are transient: reconnect.
 */
export const CLOSE_CODES = {
  malformedMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  unknownDoc: 4404,
  /** The user or the device was revoked: the device wipes its local data. */
  revoked: 4410,
  messageTooLarge: 4413,
  /** More documents on one connection than the server allows. */
  tooManyDocs: 4429,
  serverError: 1011,
  tryAgainLater: 1013,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

export const CLOSE_REASONS: Readonly<Record<CloseCode, string>> = {
  4400: 'malformed message',
  4401: 'missing or invalid token',
  4403: 'no access to this document',
  4404: 'no such document',
  4410: 'revoked: wipe this device',
  4413: 'message too large',
  4429: 'too many documents on one connection',
  1011: 'server error, reconnect',
  1013: 'try again later',
};

/** True for close codes after which reconnecting cannot help. */
export function isFatalClose(code: number): boolean {
  return code >= 4000 && code < 5000;
}

/** The largest WebSocket message the server accepts. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** The most documents one connection may have open at a time (a scheduler's window is about 400). */
export const MAX_DOCS_PER_CONNECTION = 1000;
