import { checkCode } from './results';

// A worker that verifies result codes off the page's main thread: it receives a batch of codes
// and answers with their checks (small plain objects). Replaying a game is pure computation, so
// several of these share the work on a machine with several cores.

export interface VerifyRequest {
  id: number;
  codes: string[];
}

export interface VerifyReply {
  id: number;
  checks: ReturnType<typeof checkCode>[];
}

self.addEventListener('message', (event: MessageEvent<VerifyRequest>) => {
  const { id, codes } = event.data;
  const reply: VerifyReply = { id, checks: codes.map(checkCode) };
  self.postMessage(reply);
});
