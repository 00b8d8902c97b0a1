// Multiplexing many document channels over one WebSocket (WS /sync, no doc
// name). Browsers open WebSockets to one host one at a time and throttle each
// handshake (~45 ms in Chromium), so a device syncing ~100 docs over one socket
// each spends seconds in handshakes; over one socket it spends one.
//
// Frame: [kind: u8][nameLength: u8][docName: ASCII][body]
//   kind 0 open    client → server: open a channel; server → client: channel open
//   kind 1 message body = one y-websocket protocol message for that doc
//   kind 2 close   body = [code: u16 big-endian][reason: ASCII]; either side
// Doc names are ASCII and at most MAX_DOC_NAME_CHARS (120) long, so one byte holds the length.
import { MAX_DOC_NAME_CHARS } from './doc-names';

export const MUX_KIND = { open: 0, message: 1, close: 2 } as const;
export type MuxKind = (typeof MUX_KIND)[keyof typeof MUX_KIND];

export type MuxFrame =
  | { kind: 0; docName: string }
  | { kind: 1; docName: string; body: Uint8Array }
  | { kind: 2; docName: string; code: number; reason: string };

const ASCII = /^[\x20-\x7e]*$/;

function header(kind: MuxKind, docName: string, bodyLength: number): Uint8Array {
  if (docName.length > MAX_DOC_NAME_CHARS || !ASCII.test(docName)) throw new Error('doc name not encodable');
  const out = new Uint8Array(2 + docName.length + bodyLength);
  out[0] = kind;
  out[1] = docName.length;
  for (let i = 0; i < docName.length; i++) out[2 + i] = docName.charCodeAt(i);
  return out;
}

export function encodeMuxOpen(docName: string): Uint8Array {
  return header(MUX_KIND.open, docName, 0);
}

export function encodeMuxMessage(docName: string, body: Uint8Array): Uint8Array {
  const out = header(MUX_KIND.message, docName, body.length);
  out.set(body, 2 + docName.length);
  return out;
}

export function encodeMuxClose(docName: string, code: number, reason: string): Uint8Array {
  const text = reason.slice(0, 120);
  const out = header(MUX_KIND.close, docName, 2 + text.length);
  const at = 2 + docName.length;
  out[at] = (code >> 8) & 0xff;
  out[at + 1] = code & 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[at + 2 + i] = c >= 0x20 && c <= 0x7e ? c : 0x3f; // '?' for anything not printable ASCII
  }
  return out;
}

/** Decodes one frame; null for anything malformed. */
export function decodeMuxFrame(bytes: Uint8Array): MuxFrame | null {
  if (bytes.length < 2) return null;
  const kind = bytes[0];
  const nameLength = bytes[1] ?? 0;
  if (nameLength === 0 || nameLength > MAX_DOC_NAME_CHARS || bytes.length < 2 + nameLength) return null;
  let docName = '';
  for (let i = 0; i < nameLength; i++) {
    const c = bytes[2 + i] ?? 0;
    if (c < 0x20 || c > 0x7e) return null;
    docName += String.fromCharCode(c);
  }
  const body = bytes.subarray(2 + nameLength);
  switch (kind) {
    case MUX_KIND.open:
      return body.length === 0 ? { kind, docName } : null;
    case MUX_KIND.message:
      return body.length > 0 ? { kind, docName, body } : null;
    case MUX_KIND.close: {
      if (body.length < 2) return null;
      const code = ((body[0] ?? 0) << 8) | (body[1] ?? 0);
      let reason = '';
      for (const c of body.subarray(2)) reason += c >= 0x20 && c <= 0x7e ? String.fromCharCode(c) : '?';
      return { kind, docName, code, reason };
    }
    default:
      return null;
  }
}
