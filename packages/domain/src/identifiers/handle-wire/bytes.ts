// Big-endian reading and writing of the Handle protocol's primitive types (RFC 3652 §2.1): octets, 2- and 4-octet
// integers, length-prefixed byte arrays and UTF-8 strings. Every read is bounds-checked: a short or lying buffer
// becomes a WireError carrying the response code the protocol answers it with, never a RangeError.

import { WIRE_RC } from './codes.ts';

/** A message the codec refuses, with the response code to answer it (RC_PROTOCOL_ERROR unless said otherwise). */
export class WireError extends Error {
  constructor(
    message: string,
    readonly responseCode: number = WIRE_RC.protocolError,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

// The domain package has no DOM or Node types; the runtime's WHATWG codecs are reached through globalThis.
interface Utf8Runtime {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
}
const runtime = globalThis as unknown as Utf8Runtime;
const encoder = new runtime.TextEncoder();
const decoder = new runtime.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

export function fromUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new WireError('invalid UTF-8 string');
  }
}

/** Arrays longer than this are refused before anything is allocated (Handle.Net refuses the same). */
export const MAX_ARRAY_LENGTH = 1_048_576;

export class WireReader {
  private offset: number;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.offset = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number, what: string): void {
    if (n < 0 || this.offset + n > this.end) throw new WireError(`truncated ${what}`);
  }

  u8(what = 'octet'): number {
    this.need(1, what);
    return this.view.getUint8(this.offset++);
  }

  u16(what = 'int2'): number {
    this.need(2, what);
    const v = this.view.getUint16(this.offset);
    this.offset += 2;
    return v;
  }

  u32(what = 'int4'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.offset);
    this.offset += 4;
    return v;
  }

  i32(what = 'int4'): number {
    this.need(4, what);
    const v = this.view.getInt32(this.offset);
    this.offset += 4;
    return v;
  }

  raw(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const out = this.bytes.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  /** A 4-octet length, then that many octets. */
  bytesField(what = 'byte array'): Uint8Array {
    const length = this.u32(`${what} length`);
    if (length > MAX_ARRAY_LENGTH) throw new WireError(`${what} too long`);
    return this.raw(length, what);
  }

  string(what = 'string'): string {
    return fromUtf8(this.bytesField(what));
  }

  /** A 4-octet count, then that many items; the count is checked against what could possibly fit. */
  list<T>(read: () => T, minItemSize: number, what = 'list'): T[] {
    const count = this.u32(`${what} count`);
    if (count > MAX_ARRAY_LENGTH || count * minItemSize > this.remaining) throw new WireError(`${what} count too large`);
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(read());
    return items;
  }

  /** Whatever is left (kept so a message re-encodes byte for byte). */
  rest(): Uint8Array {
    return this.raw(this.remaining);
  }
}

export class WireWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  raw(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.size += bytes.length;
    return this;
  }

  u8(v: number): this {
    return this.raw(Uint8Array.of(v & 0xff));
  }

  u16(v: number): this {
    return this.raw(Uint8Array.of((v >>> 8) & 0xff, v & 0xff));
  }

  u32(v: number): this {
    return this.raw(Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff));
  }

  bytesField(bytes: Uint8Array): this {
    return this.u32(bytes.length).raw(bytes);
  }

  string(text: string): this {
    return this.bytesField(utf8(text));
  }

  list<T>(items: readonly T[], write: (item: T) => void): this {
    this.u32(items.length);
    for (const item of items) write(item);
    return this;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

export const writeWith = (fill: (w: WireWriter) => void): Uint8Array => {
  const w = new WireWriter();
  fill(w);
  return w.finish();
};

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new WireError('invalid hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
