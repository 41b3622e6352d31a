import { describe, expect, it } from 'vitest';

import { actorRuntime, decisionModel, movesOf } from '../../src/actors';
import { createGame, STANCES } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { decidesStrip, wrap, type Measure } from '../../src/ui/decides-layout';
import { contains, overlaps, type Rect } from '../../src/ui/geometry';
import { FRAMES } from '../../src/ui/layout';

// "How it decides" on the canvas: every state in its box, in the machine's order, the current
// one marked, nothing overlapping and nothing outside the picture, in every frame.

/** A rough measure of the system font: wide enough to stand for its widest (DejaVu Sans). */
const measure =
  (font: number): Measure =>
  (text, bold) =>
    text.length * font * (bold ? 0.68 : 0.6);

const isStance = (id: string) => (STANCES as readonly string[]).includes(id);
const inside = (outer: Rect, r: Rect) =>
  contains(outer, r.x, r.y) && contains(outer, r.x + r.w, r.y + r.h);

describe('decidesStrip', () => {
  for (const scenarioId of ['december-summit', 'washington-talks', 'london-talks']) {
    const scenario = getScenario(scenarioId)!;
    const state = createGame(scenario, actorRuntime).start(7, 'standard');
    for (const frame of Object.values(FRAMES)) {
      it(`lays out every actor of ${scenarioId} in the ${frame.name} frame`, () => {
        const area = { x: 16, y: 40, w: frame.w - 32, h: frame.h - 56 };
        for (const def of scenario.actors) {
          const model = decisionModel(scenario, state, def.id)!;
          const strip = decidesStrip(model, movesOf(model), area, measure(frame.font), {
            font: frame.font,
            markerR: 8,
            isStance,
          });
          const what = `${def.id} in ${frame.name}`;
          expect(
            strip.boxes.map((b) => b.id),
            what,
          ).toEqual(model.states.map((s) => s.id));
          expect(
            strip.boxes.filter((b) => b.current).map((b) => b.id),
            what,
          ).toEqual([model.current]);
          const picture = { x: 0, y: 0, w: frame.w, h: frame.h };
          for (const b of strip.boxes) expect(inside(picture, b), what).toBe(true);
          for (const a of strip.arcs)
            expect(inside(picture, a.label), `${what}: ${a.label.text}`).toBe(true);
          const rects: Rect[] = [...strip.boxes, ...strip.arcs.map((a) => a.label)];
          rects.forEach((r, i) =>
            rects.slice(i + 1).forEach((o) => expect(overlaps(r, o), what).toBe(false)),
          );
          // Boxes in the machine's order, along the row or down the column.
          const key = (b: Rect) => (strip.axis === 'row' ? b.x : b.y);
          const order = strip.boxes.map(key);
          expect(order, what).toEqual([...order].sort((a, b) => a - b));
          expect(strip.bounds.y, what).toBeGreaterThanOrEqual(area.y - 0.5);
        }
      });
    }
  }

  it('keeps a row on a laptop, and stands the states in a column on a phone', () => {
    const scenario = getScenario('december-summit')!;
    const state = createGame(scenario, actorRuntime).start(7, 'standard');
    const model = decisionModel(scenario, state, 'belgium')!;
    const axis = (name: keyof typeof FRAMES) => {
      const f = FRAMES[name];
      return decidesStrip(
        model,
        movesOf(model),
        { x: 16, y: 40, w: f.w - 32, h: f.h - 56 },
        measure(f.font),
        { font: f.font, markerR: 8, isStance },
      ).axis;
    };
    expect([axis('wide'), axis('portrait')]).toEqual(['row', 'column']);
  });

  it('draws an arc from each state a move leaves, and the band as double arrows', () => {
    const scenario = getScenario('december-summit')!;
    const state = createGame(scenario, actorRuntime).start(7, 'standard');
    const model = decisionModel(scenario, state, 'belgium')!;
    const f = FRAMES.wide;
    const strip = decidesStrip(
      model,
      movesOf(model),
      { x: 16, y: 40, w: f.w - 32, h: f.h - 56 },
      measure(f.font),
      { font: f.font, markerR: 8, isStance },
    );
    // The offer from the four bands; a broken promise from committed (Belgium has no price
    // to raise: only an actor with a 'price-met' condition has that move).
    expect(strip.arcs.map((a) => [a.label.text, a.curves.length])).toEqual([
      ['offer', 4],
      ['promise broken', 1],
    ]);
    // Belgium starts opposed: only the offer's curve from there is its own.
    expect(strip.arcs[0]!.curves.map((c) => c.current)).toEqual([true, false, false, false]);
    expect(strip.pairs).toHaveLength(3);
  });
});

describe('wrap', () => {
  it('breaks words into lines no wider than asked, a long word alone', () => {
    const m: Measure = (t) => t.length;
    expect(wrap('promise broken', 8, m)).toEqual(['promise', 'broken']);
    expect(wrap('week’s end or offer', 11, m)).toEqual(['week’s end', 'or offer']);
    expect(wrap('extraordinarily long', 5, m)).toEqual(['extraordinarily', 'long']);
  });
});
