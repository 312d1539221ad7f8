import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the work in progress, carried through async calls without threading it
 * through every signature: set once where a message enters (the Kafka `correlation-id` header),
 * read by the logger on every line written while that work runs.
 */
const storage = new AsyncLocalStorage<{ readonly correlationId: string }>();

export function withCorrelationId<T>(correlationId: string | undefined, work: () => T): T {
  return correlationId === undefined ? work() : storage.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
