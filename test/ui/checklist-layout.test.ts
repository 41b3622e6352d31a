import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, routeChecklist, type ChecklistStep, type Scenario } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';
import {
  checklistLayout,
  currentStep,
  panelAt,
  panelMetrics,
  type RoutePanel,
  type RouteSteps,
} from '../../src/ui/checklist-layout';
import type { Measure } from '../../src/ui/decides-layout';
import { contains, overlaps, quadPoint, type Point, type Rect } from '../../src/ui/geometry';
import {
  CARD_GAP,
  chipRect,
  FRAMES,
  frameFor,
  pledgingActors,
  tableArea,
  tableLayout,
  type Frame,
} from '../../src/ui/layout';

// The routes' checklists on the canvas: a panel for each route with every step in order, in the
// table's free corners, covering no card, chip, line or hub, at the sizes a laptop and a
// projector show the table; a frame without room for them shows none rather than cover a card.

/**
 * A rough measure of the system font: as wide as DejaVu Sans (headless Chromium's, one of the
 * widest) or wider, so a layout that fits with it fits with the narrower fonts of most machines.
 */
const rough =
  (font: number): Measure =>
  (text, bold) =>
    text.length * font * (bold ? 0.68 : 0.6);
/** Narrower, as Segoe UI or Arial: the panels must fit with it too. */
const narrow =
  (font: number): Measure =>
  (text, bold) =>
    text.length * font * (bold ? 0.56 : 0.5);

const SCENARIOS = ['december-summit', 'washington-talks', 'london-talks'];

/** Every route's steps in week 1 of a game (the words do not change with the week). */
function routesOf(
  scenario: Scenario,
  state = createGame(scenario, actorRuntime).start(4, 'standard'),
): (Omit<RouteSteps, 'steps'> & { steps: ChecklistStep[] })[] {
  return scenario.routes.map((def) => ({
    id: def.id,
    name: def.name,
    steps: routeChecklist(scenario, actorRuntime, state, def.id),
  }));
}

const lay = (scenario: Scenario, frame: Frame, measure = rough(frame.font)) =>
  checklistLayout(
    tableLayout(scenario, frame),
    pledgingActors(scenario),
    routesOf(scenario),
    measure,
    { font: frame.font, markW: frame.font },
  );

const inside = (outer: Rect, r: Rect, pad = 0) =>
  contains(outer, r.x + pad, r.y + pad) && contains(outer, r.x + r.w - pad, r.y + r.h - pad);

/** What no panel may cover: cards, chips' places and the hub (with the cards' gap), and lines. */
function expectClear(scenario: Scenario, frame: Frame, panels: RoutePanel[]) {
  const table = tableLayout(scenario, frame);
  const what = `${scenario.id} in ${frame.name}`;
  const blocks: { name: string; r: Rect }[] = [
    ...Object.values(table.cards).map((c) => ({ name: c.id, r: c as Rect })),
    ...pledgingActors(scenario)
      .filter((id) => table.cards[id])
      .map((id) => {
        const c = table.cards[id]!;
        return { name: `${id}'s chip`, r: chipRect(frame, c, c.chipSide) };
      }),
    {
      name: 'hub',
      r: {
        x: table.hub.x - table.hub.r,
        y: table.hub.y - table.hub.r,
        w: 2 * table.hub.r,
        h: 2 * table.hub.r,
      },
    },
  ];
  const pt: Point = { x: 0, y: 0 };
  panels.forEach((p, i) => {
    expect(inside(tableArea(frame), p), `${what}: ${p.id} inside the table`).toBe(true);
    for (const b of blocks)
      expect(overlaps(p, b.r, CARD_GAP - 0.01), `${what}: ${p.id} clear of ${b.name}`).toBe(false);
    for (const o of panels.slice(i + 1))
      expect(overlaps(p, o), `${what}: ${p.id} clear of ${o.id}`).toBe(false);
    for (const t of table.tethers)
      for (let k = 0; k <= 400; k++) {
        quadPoint(t.curve, k / 400, pt);
        expect(
          contains(p, pt.x, pt.y, 4),
          `${what}: ${p.id} clear of ${t.leader} to ${t.follower}`,
        ).toBe(false);
      }
  });
}

/** Inside a panel: its name, then its steps in reading order, none overlapping, none outside. */
function expectTidy(route: RouteSteps, p: RoutePanel, measure: Measure) {
  expect(p.id).toBe(route.id);
  expect(p.title.lines.join(' ')).toBe(route.name);
  expect(p.steps.map((s) => [s.code, s.short])).toEqual(route.steps.map((s) => [s.code, s.short]));
  const title = { x: p.title.x, y: p.title.y, w: p.w - 2 * (p.title.x - p.x), h: p.title.h };
  for (const line of p.title.lines)
    expect(measure(line, true), `${p.id}: "${line}"`).toBeLessThanOrEqual(title.w + 0.01);
  expect(inside(p, title)).toBe(true);
  p.steps.forEach((s, i) => {
    expect(inside(p, s), `${p.id}: ${s.short} inside`).toBe(true);
    expect(overlaps(s, title), `${p.id}: ${s.short} under the name`).toBe(false);
    // Its mark, then its words, within its outline.
    expect(s.markX).toBeGreaterThanOrEqual(s.x);
    expect(s.labelX + measure(s.short, false)).toBeLessThanOrEqual(s.x + s.w + 0.01);
    const next = p.steps[i + 1];
    if (!next) return;
    expect(overlaps(s, next), `${p.id}: ${s.short} and ${next.short}`).toBe(false);
    // Left to right along a row, then the next row down.
    expect(next.y > s.y || (next.y === s.y && next.x > s.x), `${p.id}: order`).toBe(true);
  });
}

describe('checklistLayout', () => {
  it('draws the wide frame on a laptop (1366x768) and on a projector', () => {
    // The picture's width there (the main column; the whole page on a projector).
    expect(frameFor(966, 768).name).toBe('wide');
    expect(frameFor(1326, 768).name).toBe('wide');
  });

  for (const id of SCENARIOS) {
    const scenario = getScenario(id)!;
    it(`finds a place for every route of ${id} in the wide frame, with wide or narrow type`, () => {
      const frame = FRAMES.wide;
      for (const measure of [rough(frame.font), narrow(frame.font)]) {
        const panels = lay(scenario, frame, measure);
        expect(panels, id).not.toBeNull();
        const routes = routesOf(scenario);
        expect(panels!.map((p) => p.id)).toEqual(routes.map((r) => r.id));
        panels!.forEach((p, i) => expectTidy(routes[i]!, p, measure));
        expectClear(scenario, frame, panels!);
      }
    });

    it(`in ${id}'s other frames, places all routes clear of the table or none`, () => {
      for (const frame of [FRAMES.compact, FRAMES.portrait]) {
        for (const measure of [rough(frame.font), narrow(frame.font)]) {
          const panels = lay(scenario, frame, measure);
          if (!panels) continue;
          const routes = routesOf(scenario);
          expect(panels.map((p) => p.id)).toEqual(routes.map((r) => r.id));
          panels.forEach((p, i) => expectTidy(routes[i]!, p, measure));
          expectClear(scenario, frame, panels);
        }
      }
    });
  }

  it('keeps its places whatever the statuses (only the words place the panels)', () => {
    const scenario = getScenario('december-summit')!;
    const frame = FRAMES.wide;
    // The end of a game the scripted player plays: routes tabled, voted, paying.
    const { records } = simulate({
      scenario,
      policy: policyByName('scripted', scenario.id)!,
      policyName: 'scripted',
      games: 1,
      seed: 21,
      difficulty: 'standard',
    });
    const late = routesOf(scenario, records[0]!.state);
    const statuses = (routes: typeof late) => routes.map((r) => r.steps.map((s) => s.status));
    expect(statuses(late)).not.toEqual(statuses(routesOf(scenario)));
    const again = checklistLayout(
      tableLayout(scenario, frame),
      pledgingActors(scenario),
      late,
      rough(frame.font),
      { font: frame.font, markW: frame.font },
    );
    expect(again).toEqual(lay(scenario, frame));
  });

  it('says a panel too narrow for a step or for a word of the name does not fit', () => {
    const route: RouteSteps = {
      id: 'r',
      name: 'Reparations Loan',
      steps: [
        { code: 'table', short: 'Table' },
        { code: 'coverage', short: 'Guarantees' },
      ],
    };
    const m = panelMetrics(16, 16);
    const measure = rough(16);
    expect(panelAt(route, 60, m, measure)).toBeNull();
    const wide = panelAt(route, 400, m, measure)!;
    // Room for the name and both steps on one row each.
    expect(wide.title.lines).toEqual(['Reparations Loan']);
    expect(wide.steps[0]!.y).toBe(wide.steps[1]!.y);
    const slim = panelAt(route, 150, m, measure)!;
    expect(slim.steps[1]!.y).toBeGreaterThan(slim.steps[0]!.y);
    expect(slim.h).toBeGreaterThan(wide.h);
  });
});

describe('currentStep', () => {
  it('is the first step not done, or none once all are', () => {
    expect(currentStep([{ status: 'done' }, { status: 'later' }, { status: 'met' }])).toBe(1);
    expect(currentStep([{ status: 'unmet' }, { status: 'later' }])).toBe(0);
    expect(currentStep([{ status: 'done' }, { status: 'done' }])).toBe(-1);
  });
});
