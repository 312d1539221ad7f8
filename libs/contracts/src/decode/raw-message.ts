/** A Kafka message as it arrived, before anything is trusted. */
export interface RawMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer | string | undefined>>;
}

export function headerText(message: RawMessage, name: string): string | undefined {
  const value = message.headers[name];
  return value === undefined ? undefined : value.toString();
}
