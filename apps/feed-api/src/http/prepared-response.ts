import type { FastifyReply, FastifyRequest } from 'fastify';
import { CODINGS, type Coding, type Representation } from '../cache/representation';
import { codingOf } from './accept-encoding';
import { notModified } from './conditional';
import type { Served } from './served';

type Headers = Readonly<Record<string, string>>;

/**
 * RFC 9110 §12.5.5: the answer varies with the coding asked for and with the credentials (a shared
 * cache must not give one partner's feed to another).
 */
export const VARY = 'Accept-Encoding, Authorization, X-API-Key';

/**
 * Every header of every answer a served document can get, computed once: per coding, the 200's
 * and the 304's (RFC 9110 §15.4.5: a 304 carries the ETag, Last-Modified, Cache-Control, Vary
 * and Link a 200 would). A request then only picks one: no date formatting, no object building.
 */
export interface PreparedResponse {
  /** undefined for an empty NewsML-G2 pull, answered 204 with `common`. */
  readonly representation: Representation | undefined;
  readonly common: Headers;
  readonly ok: Readonly<Record<Coding, Headers>>;
  readonly notModified: Readonly<Record<Coding, Headers>>;
}

export function prepareResponse(served: Served): PreparedResponse {
  const { representation, cacheControl, links } = served;
  const common: Record<string, string> = { 'cache-control': cacheControl, vary: VARY };
  if (links && links.length > 0) common.link = links.join(', ');
  const ok = {} as Record<Coding, Headers>;
  const unchanged = {} as Record<Coding, Headers>;
  if (representation !== undefined) {
    const lastModified = representation.lastModified.toUTCString();
    for (const coding of CODINGS) {
      const validators = { etag: representation.etags[coding], 'last-modified': lastModified };
      unchanged[coding] = { ...common, ...validators };
      ok[coding] = {
        ...common,
        ...validators,
        ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
        'content-type': representation.mediaType,
      };
    }
  }
  return { representation, common, ok, notModified: unchanged };
}

/**
 * Sends a prepared answer: 204 for an empty pull, 304 when the client's copy is current, else
 * the precompressed bytes of the coding it accepts. Nothing is rendered or compressed here.
 */
export function sendPrepared(
  request: FastifyRequest,
  reply: FastifyReply,
  prepared: PreparedResponse,
): FastifyReply {
  const { representation } = prepared;
  if (representation === undefined) {
    // An empty NewsML-G2 pull: the schema has no empty newsMessage (itemSet needs an item).
    return reply.status(204).headers(prepared.common).send();
  }
  const coding = codingOf(header(request, 'accept-encoding'));
  const conditional = {
    ifNoneMatch: header(request, 'if-none-match'),
    ifModifiedSince: header(request, 'if-modified-since'),
  };
  if (notModified(conditional, representation)) {
    return reply.status(304).headers(prepared.notModified[coding]).send();
  }
  return reply.status(200).headers(prepared.ok[coding]).send(representation.bodies[coding]);
}

/** Sends what a service served, preparing its headers for this one answer. */
export function sendRepresentation(
  request: FastifyRequest,
  reply: FastifyReply,
  served: Served,
): FastifyReply {
  return sendPrepared(request, reply, prepareResponse(served));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
