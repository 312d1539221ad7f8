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
        // What Fastify would add; the front door writes node's response, which would go chunked.
        'content-length': String(representation.bodies[coding].length),
      };
    }
  }
  return { representation, common, ok, notModified: unchanged };
}

/** The status, headers and body one request gets of a prepared answer. */
export interface ChosenAnswer {
  readonly status: 200 | 204 | 304;
  readonly headers: Headers;
  readonly body?: Buffer;
}

type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * 204 for an empty pull, 304 when the client's copy is current, else the precompressed bytes of
 * the coding it accepts. Nothing is rendered or compressed here.
 */
export function chooseAnswer(prepared: PreparedResponse, headers: RequestHeaders): ChosenAnswer {
  const { representation } = prepared;
  if (representation === undefined) {
    // An empty NewsML-G2 pull: the schema has no empty newsMessage (itemSet needs an item).
    return { status: 204, headers: prepared.common };
  }
  const coding = codingOf(header(headers, 'accept-encoding'));
  const conditional = {
    ifNoneMatch: header(headers, 'if-none-match'),
    ifModifiedSince: header(headers, 'if-modified-since'),
  };
  if (notModified(conditional, representation)) {
    return { status: 304, headers: prepared.notModified[coding] };
  }
  return { status: 200, headers: prepared.ok[coding], body: representation.bodies[coding] };
}

/** Sends a prepared answer through Fastify (chooseAnswer's). */
export function sendPrepared(
  request: FastifyRequest,
  reply: FastifyReply,
  prepared: PreparedResponse,
): FastifyReply {
  const { status, headers, body } = chooseAnswer(prepared, request.headers);
  return reply.status(status).headers(headers).send(body);
}

/** Sends what a service served, preparing its headers for this one answer. */
export function sendRepresentation(
  request: FastifyRequest,
  reply: FastifyReply,
  served: Served,
): FastifyReply {
  return sendPrepared(request, reply, prepareResponse(served));
}

function header(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
