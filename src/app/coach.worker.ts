import { answer, type CoachQuestion } from './coach';
import { gameFor } from './store';

// The coach's thinking off the page's main thread: it receives a position and the coach's
// memory, plays its trial games, and answers with the advice and the memory after it.

self.addEventListener('message', (e: MessageEvent<{ id: number; q: CoachQuestion }>) => {
  const { id, q } = e.data;
  let a: ReturnType<typeof answer>;
  try {
    a = answer(q, gameFor(q.scenarioId, q.variant));
  } catch {
    a = { ok: false };
  }
  self.postMessage({ id, a });
});
