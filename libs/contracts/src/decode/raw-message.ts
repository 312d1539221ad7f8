/** A Kafka message as it arrived, before anything is trusted. */
export interface RawMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** null: a header sent without a value (kafkajs decodes it so, whatever its types say). */
  readonly headers: Readonly<Record<string, Buffer | string | null | undefined>>;
}

export function headerText(message: RawMessage, name: string): string | undefined {
  const value = message.headers[name];
  return value === undefined || value === null ? undefined : value.toString();
}
