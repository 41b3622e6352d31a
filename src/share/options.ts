import { sha256 } from '@noble/hashes/sha2.js';

import type { Variant } from '../scenarios';

// The options a game link carries beside scenario, seed and difficulty, and the cleaning of the
// free text that travels in links and codes (a class label, a display name). Cleaned text is
// still only ever shown as text, never as markup.

export interface GameOptions {
  /** the page suggests a promising move each week */
  hints: boolean;
  /** the class this game belongs to ("" for none) */
  classLabel: string;
  /** a teacher's tuning of the scenario (absent or empty: the scenario as designed) */
  variant?: Variant;
}

export const DEFAULT_OPTIONS: GameOptions = { hints: false, classLabel: '' };

export const MAX_LABEL = 40;
export const MAX_NAME = 24;

/** Text with control and format characters removed, spaces collapsed, cut to `max` characters. */
function clean(raw: string, max: number): string {
  const text = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return [...text].slice(0, max).join('').trim();
}

export const cleanLabel = (raw: string): string => clean(raw, MAX_LABEL);
export const cleanName = (raw: string): string => clean(raw, MAX_NAME);

/** A 16-bit tag of a class label (null for no class): codes carry it instead of the label. */
export function classTag(label: string): number | null {
  const l = cleanLabel(label);
  if (!l) return null;
  const h = sha256(new TextEncoder().encode(l.toLowerCase()));
  return (h[0]! << 8) | h[1]!;
}
