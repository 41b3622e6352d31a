import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// A stable digest of any JSON value: keys sorted, so the same state gives the same hash in Node
// and in every browser.

const quotedKeys = new Map<string, string>();

/**
 * JSON with object keys in sorted order; undefined members are dropped as JSON.stringify does.
 * Written as loops with string appends: hashing every final state is a measured share of the
 * balance harness and of verifying result codes.
 */
export function stableStringify(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ',';
      const v: unknown = value[i];
      s += v === undefined ? 'null' : stableStringify(v);
    }
    return `${s}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    let q = quotedKeys.get(k);
    if (q === undefined) {
      q = `${JSON.stringify(k)}:`;
      quotedKeys.set(k, q);
    }
    s += first ? q : `,${q}`;
    first = false;
    s += stableStringify(v);
  }
  return `${s}}`;
}

/** Hex SHA-256 of the stable JSON of a value. */
export function digest(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(stableStringify(value))));
}
