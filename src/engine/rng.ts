import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

// The game's only source of randomness. GameState holds the world's key (a number array drawn
// from the seed) and never advances it: each draw comes from a dice for one purpose (a week's
// events and moods, one government's mood at an offer in one week) derived from that key. So the
// world a seed makes does not depend on the moves played: two games from one seed get the same
// rolls week by week (so the same events, within their windows) whatever their players did, a
// save resumes exactly, and replay needs nothing but (scenario, seed, moves).

/** The world key a new game starts from (the state of a generator seeded with the seed). */
export function seedRng(seed: number): number[] {
  return [...xoroshiro128plus(seed | 0).getState()];
}

/** A mutable cursor over a generator state: draws for one purpose (see diceFor). */
export class Dice {
  private gen;
  constructor(state: readonly number[]) {
    this.gen = xoroshiro128plusFromState(state);
  }
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }
}

/** Normalise any user-given seed (number or text) to an unsigned 32-bit integer. */
export function normaliseSeed(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  const text = String(seed);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The purposes of the world's draws: a week's events and moods, an offer's mood. */
export const WEEK_DRAWS = 0;
export const OFFER_MOOD = 1;

/** Mixes 32-bit words into one (a murmur3-style finaliser after each word). */
function mix(h: number, word: number): number {
  h = Math.imul(h ^ (word >>> 0), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The dice for one purpose of the world with this key: the same key and purpose always give the
 * same draws, and different purposes give independent ones. The key is not changed.
 */
export function diceFor(key: readonly number[], ...purpose: number[]): Dice {
  let h = 0x9e3779b9;
  for (const word of key) h = mix(h, word);
  for (const word of purpose) h = mix(h, word);
  return new Dice(seedRng(h | 0));
}
