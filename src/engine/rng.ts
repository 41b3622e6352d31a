import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

// The game's only source of randomness. Its state is a field of GameState (a number array), so a
// saved game resumes the exact same sequence and replay needs nothing but (scenario, seed, moves).

/** The RNG state a new game starts from. */
export function seedRng(seed: number): number[] {
  return [...xoroshiro128plus(seed | 0).getState()];
}

/** A mutable cursor over a saved RNG state; call save() to write the advanced state back. */
export class Dice {
  private gen;
  constructor(state: readonly number[]) {
    this.gen = xoroshiro128plusFromState(state);
  }
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }
  /** True with the given chance in percent. */
  chance(percent: number): boolean {
    return percent > 0 && this.int(1, 100) <= percent;
  }
  /** The advanced state, frozen: it is only ever replaced, and Immer skips frozen values. */
  save(): readonly number[] {
    return Object.freeze([...this.gen.getState()]);
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
