import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseCoding } from './accept-encoding';
import { notModified } from './conditional';
import type { Served } from './served';

/** Headers that depend on who asks and where the document lives, not on its bytes. */
export interface ServeOptions {
  /** e.g. `private, max-age=0, must-revalidate` or `public, max-age=30`. */
  readonly cacheControl: string;
  /** RFC 8288 Link header values, e.g. `<https://hub>; rel="hub"`. */
  readonly links?: readonly string[];
}

/**
 * RFC 9110 §12.5.5: the answer varies with the coding asked for and with the credentials (a shared
 * cache must not give one partner's feed to another).
 */
export const VARY = 'Accept-Encoding, Authorization, X-API-Key';

/**
 * Sends a cached representation: 304 when the client's copy is current, else the precompressed
 * bytes of the coding it accepts. Nothing is rendered or compressed here.
 */
export function sendRepresentation(
  request: FastifyRequest,
  reply: FastifyReply,
  served: Served,
): FastifyReply {
  const { representation, ...options } = served;
  const common: Record<string, string> = { 'cache-control': options.cacheControl, vary: VARY };
  if (options.links && options.links.length > 0) common.link = options.links.join(', ');
  if (representation === undefined) {
    // An empty NewsML-G2 pull: the schema has no empty newsMessage (itemSet needs an item).
    return reply.status(204).headers(common).send();
  }
  const coding = chooseCoding(header(request, 'accept-encoding'));
  const headers: Record<string, string> = {
    ...common,
    etag: representation.etags[coding],
    'last-modified': representation.lastModified.toUTCString(),
  };
  const conditional = {
    ifNoneMatch: header(request, 'if-none-match'),
    ifModifiedSince: header(request, 'if-modified-since'),
  };
  if (notModified(conditional, representation)) return reply.status(304).headers(headers).send();
  if (coding !== 'identity') headers['content-encoding'] = coding;
  headers['content-type'] = representation.mediaType;
  return reply.status(200).headers(headers).send(representation.bodies[coding]);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
