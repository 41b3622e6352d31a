// A bit writer and reader for the result code, and base64url (RFC 4648 section 5, no padding)
// for the text form. Plain integers only: every field is an unsigned number of at most 32 bits.

export class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;

  /** Appends the low `width` bits of `value` (0 <= value < 2^width, width <= 32), high bit first. */
  write(value: number, width: number): this {
    for (let i = width - 1; i >= 0; i--) {
      // >>> keeps 32-bit values unsigned.
      const bit = (value >>> i) & 1;
      this.acc = (this.acc << 1) | bit;
      this.n++;
      if (this.n === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
    return this;
  }

  writeBytes(bytes: Uint8Array): this {
    for (const b of bytes) this.write(b, 8);
    return this;
  }

  /** The bits so far, the last byte padded with zeros. */
  finish(): Uint8Array {
    const out = [...this.bytes];
    if (this.n > 0) out.push(this.acc << (8 - this.n));
    return Uint8Array.from(out);
  }
}

/** Thrown by BitReader when a field runs past the end; the decoder turns it into a reason. */
export class OutOfBits extends Error {}

export class BitReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length * 8 - this.pos;
  }

  read(width: number): number {
    if (width > this.remaining) throw new OutOfBits('the code ends too soon');
    let v = 0;
    for (let i = 0; i < width; i++) {
      const byte = this.bytes[this.pos >> 3]!;
      const bit = (byte >> (7 - (this.pos & 7))) & 1;
      v = v * 2 + bit;
      this.pos++;
    }
    return v;
  }

  readBytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.read(8);
    return out;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  const bits = bytes.length * 8;
  const r = new BitReader(bytes);
  for (let done = 0; done < bits; done += 6) {
    const take = Math.min(6, bits - done);
    out += ALPHABET[r.read(take) << (6 - take)];
  }
  return out;
}

/** Bytes from base64url text, or null if a character is outside the alphabet or a tail is odd. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const w = new BitWriter();
  for (const c of text) {
    const v = INDEX.get(c);
    if (v === undefined) return null;
    w.write(v, 6);
  }
  const full = w.finish();
  // Whole bytes only: the last 2 or 4 bits of a shorter tail are padding, and must be zero, so
  // that the same bytes have one spelling only.
  const bytes = full.slice(0, Math.floor((text.length * 6) / 8));
  return toBase64Url(bytes) === text ? bytes : null;
}
