// The frame codec of the multiplexed sync socket (WS /sync): what the server
// and the PWA put on the wire, and what either side rejects as malformed
// (the server closes the whole socket with 4400 on a null decode).
import { describe, expect, it } from 'vitest';
import { MAX_DOC_NAME_CHARS, MUX_KIND, decodeMuxFrame, encodeMuxClose, encodeMuxMessage, encodeMuxOpen } from './index';

const DOC = 'exec:norr:2026-03-02';

/** A frame built byte by byte: [kind][nameLength][name][body]. */
function frame(kind: number, name: string, body: number[] = [], nameLength = name.length): Uint8Array {
  return Uint8Array.from([kind, nameLength, ...Array.from(name, (c) => c.charCodeAt(0)), ...body]);
}

describe('mux frames: encode and decode', () => {
  it('an open frame is [0][nameLength][name] and decodes back to the doc name', () => {
    const bytes = encodeMuxOpen(DOC);
    expect(bytes).toEqual(frame(MUX_KIND.open, DOC));
    expect(decodeMuxFrame(bytes)).toEqual({ kind: MUX_KIND.open, docName: DOC });
  });

  it('a message frame carries its body unchanged', () => {
    const body = Uint8Array.from([0, 0, 1, 0, 255, 100, 7]);
    const bytes = encodeMuxMessage(DOC, body);
    expect(bytes).toEqual(frame(MUX_KIND.message, DOC, [...body]));
    const decoded = decodeMuxFrame(bytes);
    expect(decoded).toEqual({ kind: MUX_KIND.message, docName: DOC, body });
  });

  it('a close frame carries the code big-endian and the reason', () => {
    const bytes = encodeMuxClose(DOC, 4403, 'no access to this document');
    expect(bytes.subarray(0, 2 + DOC.length + 2)).toEqual(frame(MUX_KIND.close, DOC, [0x11, 0x33]));
    expect(decodeMuxFrame(bytes)).toEqual({ kind: MUX_KIND.close, docName: DOC, code: 4403, reason: 'no access to this document' });
  });

  it.each([1000, 1001, 1011, 4400, 4401, 4413, 0, 65535])('close code %i round-trips', (code) => {
    expect(decodeMuxFrame(encodeMuxClose(DOC, code, ''))).toEqual({ kind: MUX_KIND.close, docName: DOC, code, reason: '' });
  });

  it('every doc kind round-trips, up to the longest allowed name', () => {
    const names = ['plan:soder:2024-02-29', 'brukare:norr-b01', 'journal:norr-b01:2025-12', 'x', 'b'.repeat(MAX_DOC_NAME_CHARS)];
    for (const name of names) {
      expect(decodeMuxFrame(encodeMuxOpen(name))).toEqual({ kind: MUX_KIND.open, docName: name });
      expect(decodeMuxFrame(encodeMuxMessage(name, Uint8Array.of(3)))).toEqual({ kind: MUX_KIND.message, docName: name, body: Uint8Array.of(3) });
      expect(decodeMuxFrame(encodeMuxClose(name, 1000, 'bye'))).toEqual({ kind: MUX_KIND.close, docName: name, code: 1000, reason: 'bye' });
    }
  });
});

describe('mux frames: malformed input decodes to null', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['1 byte', Uint8Array.of(MUX_KIND.open)],
    ['unknown kind 3', frame(3, DOC)],
    ['unknown kind 255', frame(255, DOC, [1, 2, 3])],
    ['name length 0', frame(MUX_KIND.open, '')],
    ['name length 0 with bytes after it', frame(MUX_KIND.message, '', [0, 0, 1, 0])],
    ['name length longer than the buffer', frame(MUX_KIND.open, DOC, [], DOC.length + 1)],
    ['name length 255 with a short name', frame(MUX_KIND.message, 'brukare:norr-b01', [0], 255)],
    ['name length above the maximum, buffer long enough', frame(MUX_KIND.message, 'a'.repeat(MAX_DOC_NAME_CHARS + 1), [0])],
    ['non-ASCII name byte (é in Latin-1)', frame(MUX_KIND.open, 'brukare:norr-b\u00e9')],
    ['non-ASCII name byte (UTF-8 lead byte)', Uint8Array.from([MUX_KIND.open, 3, 0x61, 0xc3, 0xa9])],
    ['control character in the name', frame(MUX_KIND.open, 'brukare:\nnorr')],
    ['DEL in the name', frame(MUX_KIND.open, 'brukare:\x7f')],
    ['open frame with a body', frame(MUX_KIND.open, DOC, [0])],
    ['message frame without a body', frame(MUX_KIND.message, DOC)],
    ['close frame without a body', frame(MUX_KIND.close, DOC)],
    ['close frame with a 1-byte body', frame(MUX_KIND.close, DOC, [0x03])],
  ])('%s', (_what, bytes) => {
    expect(decodeMuxFrame(bytes)).toBeNull();
  });
});

describe('mux frames: what cannot be encoded', () => {
  it("replaces a close reason's non-printable characters with '?'", () => {
    const decoded = decodeMuxFrame(encodeMuxClose(DOC, 4400, 'bad\tframe\n – åäö\u0000!'));
    expect(decoded).toEqual({ kind: MUX_KIND.close, docName: DOC, code: 4400, reason: 'bad?frame? ? ????!' });
  });

  it('cuts a close reason to 120 characters, and the frame still decodes', () => {
    const decoded = decodeMuxFrame(encodeMuxClose(DOC, 1011, 'r'.repeat(500)));
    expect(decoded).toEqual({ kind: MUX_KIND.close, docName: DOC, code: 1011, reason: 'r'.repeat(120) });
  });

  it('decoding a close frame with non-ASCII reason bytes also gives ?', () => {
    expect(decodeMuxFrame(frame(MUX_KIND.close, DOC, [0x03, 0xe8, 0x6f, 0xc3, 0xa5, 0x6b]))).toEqual({
      kind: MUX_KIND.close,
      docName: DOC,
      code: 1000,
      reason: 'o??k',
    });
  });

  it('throws for a doc name longer than 120 characters', () => {
    const name = `brukare:${'a'.repeat(MAX_DOC_NAME_CHARS - 'brukare:'.length + 1)}`;
    expect(name.length).toBe(121);
    expect(() => encodeMuxOpen(name)).toThrow();
    expect(() => encodeMuxMessage(name, Uint8Array.of(0))).toThrow();
    expect(() => encodeMuxClose(name, 1000, '')).toThrow();
  });

  it.each(['brukare:norr-bö1', 'journal:ñ:2025-01', 'plan:norr:2026-03-02\n', 'exec:\u{1f600}:2026-03-02'])('throws for the non-ASCII or non-printable name %j', (name) => {
    expect(() => encodeMuxOpen(name)).toThrow();
    expect(() => encodeMuxMessage(name, Uint8Array.of(0))).toThrow();
    expect(() => encodeMuxClose(name, 1000, '')).toThrow();
  });
});
