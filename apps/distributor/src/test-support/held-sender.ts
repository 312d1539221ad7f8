import type { Sender, SendReport } from '../delivery/send-report';

/** A sender whose requests end when the test says so (`finish.get(id)()`), answering 204. */
export function heldSender(): {
  sender: Sender;
  started: string[];
  finish: Map<string, () => void>;
} {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const sender: Sender = {
    send: (delivery) =>
      new Promise<SendReport>((resolve) => {
        started.push(delivery.id);
        finish.set(delivery.id, () =>
          resolve({ kind: 'attempted', result: { kind: 'response', status: 204 } }),
        );
      }),
    disable: () => Promise.resolve(),
    partnerOf: () => Promise.resolve('p'),
  };
  return { sender, started, finish };
}
