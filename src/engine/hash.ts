import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// A stable digest of any JSON value: keys sorted, so the same state gives the same hash in Node
// and in every browser.

/** JSON with object keys in sorted order; undefined members are dropped as JSON.stringify does. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v ?? null)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/** Hex SHA-256 of the stable JSON of a value. */
export function digest(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(stableStringify(value))));
}
