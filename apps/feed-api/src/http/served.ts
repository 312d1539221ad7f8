import type { Representation } from '../cache/representation';
import type { ServeOptions } from './send-representation';

/** What a service hands a controller to send: the cached bytes and the headers around them. */
export interface Served extends ServeOptions {
  readonly representation: Representation | undefined;
}
