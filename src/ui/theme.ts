import type { Stance } from '../engine';

// Colours, shapes and type for the table, as plain data (no Phaser here, so it is unit-tested).
// Colour is never the only cue: every stance also has its own shape and its own word.

export type ShapeKind = 'square' | 'triangle' | 'diamond' | 'circle' | 'star';

/** opposed ■, wary ▲, conditional ◆, supportive ●, committed ★ (the page uses the same set). */
export const STANCE_SHAPE: Record<Stance, ShapeKind> = {
  opposed: 'square',
  wary: 'triangle',
  conditional: 'diamond',
  supportive: 'circle',
  committed: 'star',
};

export interface Palette {
  name: 'normal' | 'high-contrast';
  /** the table top */
  bg: number;
  /** cards and panels */
  card: number;
  cardLine: number;
  cardHover: number;
  ink: number;
  muted: number;
  /** the current week, the gauge's target line, highlights */
  accent: number;
  /** text drawn on top of the accent colour */
  accentInk: number;
  /** the rings drawn under the cards */
  ring: number;
  hub: number;
  tether: number;
  tetherActive: number;
  pulse: number;
  secured: number;
  pledged: number;
  late: number;
  /** a what-if's debrief: the line of the timeline it forked from (dotted) */
  base: number;
  track: number;
  summit: number;
  deadline: number;
  stance: Record<Stance, number>;
  /** meters: unity (good when high), market and Russia (bad when high) */
  meterGood: number;
  meterBad: number;
  /** line widths: high contrast doubles them */
  line: number;
  thickLine: number;
}

export const NORMAL: Palette = {
  name: 'normal',
  bg: 0x101a2e,
  card: 0x1b2944,
  cardLine: 0x41587f,
  cardHover: 0x9fc2ff,
  ink: 0xf1f5fb,
  muted: 0xb4c2d6,
  accent: 0x6fa8ff,
  accentInk: 0x0b1322,
  ring: 0x22365a,
  hub: 0x1d4ed8,
  tether: 0x6d82a8,
  tetherActive: 0xffd166,
  pulse: 0xffd166,
  secured: 0x4cc97a,
  pledged: 0x8fb0ff,
  late: 0xb4c2d6,
  base: 0xffd166,
  track: 0x2c3d5f,
  summit: 0xffd166,
  deadline: 0xff7a70,
  stance: {
    opposed: 0xff6b61,
    wary: 0xffa23e,
    conditional: 0xd9c84a,
    supportive: 0x4cc97a,
    committed: 0x6fa8ff,
  },
  meterGood: 0x4cc97a,
  meterBad: 0xffa23e,
  line: 1,
  thickLine: 2,
};

/** Black, white and yellow, with thicker lines (the page's high-contrast mode). */
export const HIGH_CONTRAST: Palette = {
  name: 'high-contrast',
  bg: 0x000000,
  card: 0x000000,
  cardLine: 0xffffff,
  cardHover: 0xffd400,
  ink: 0xffffff,
  muted: 0xffffff,
  accent: 0xffd400,
  accentInk: 0x000000,
  ring: 0x5c5c5c,
  hub: 0x000000,
  tether: 0xffffff,
  tetherActive: 0xffd400,
  pulse: 0xffd400,
  secured: 0xffffff,
  pledged: 0xffd400,
  late: 0xbdbdbd,
  base: 0xffd400,
  track: 0x3a3a3a,
  summit: 0xffd400,
  deadline: 0xffd400,
  stance: {
    opposed: 0xff6b6b,
    wary: 0xffb347,
    conditional: 0xffe066,
    supportive: 0x7cff8a,
    committed: 0x8ab4ff,
  },
  meterGood: 0xffffff,
  meterBad: 0xffd400,
  line: 2,
  thickLine: 4,
};

export const paletteFor = (highContrast: boolean): Palette =>
  highContrast ? HIGH_CONTRAST : NORMAL;

/** System fonts only: nothing is downloaded. */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Text sizes in px at the 960x540 base size; nothing is smaller than 14. */
export const FONT = { small: 14, body: 14, title: 16, headline: 20, big: 28 } as const;

/** 0xRRGGBB as "#rrggbb" for Text styles. */
export const css = (colour: number): string => `#${colour.toString(16).padStart(6, '0')}`;

/** WCAG relative luminance of 0xRRGGBB. */
export function luminance(colour: number): number {
  const channel = (shift: number) => {
    const c = ((colour >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
