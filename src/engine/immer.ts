import { enableArrayMethods, Immer } from 'immer';

// One Immer instance for the engine. Freezing every produced state catches accidental mutation,
// so it is on in development and tests (Vite sets import.meta.env.DEV); the headless harness and
// production builds skip it, because deep-freezing the state every move was measured to cost
// about a third of the engine's time.
const env = (import.meta as unknown as { env?: { DEV?: boolean } }).env;
// New records pushed into a draft (log lines, effects, pledges, votes) are frozen
// when made: Immer walks every unfrozen object added to a draft, looking for drafts inside it,
// and that walk was a tenth of a game's time. Nothing edits such a record in place; the draft
// of a frozen record is a copy, as for any other.
// Array methods on drafts (the log grows by push every move) skip per-index proxy traps.
enableArrayMethods();
const immer = new Immer({ autoFreeze: env?.DEV === true });

export const produce = immer.produce.bind(immer) as Immer['produce'];
