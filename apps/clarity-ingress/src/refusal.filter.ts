import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

interface RaisedError {
  readonly statusCode?: number;
  readonly status?: number;
  readonly message?: string;
  getStatus?(): number;
}

/** The `error` code for a status Fastify (or Nest) refused a request with before the intake saw it. */
const errorCodeFor = (status: number): string =>
  status === 429 ? 'rate_limited' : status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 ? 'not_found' : status < 500 ? 'bad_request' : 'internal_error';

/**
 * Refusals raised outside the intake (body limit, rate limit, unknown route, anything unexpected)
 * get the same `{ error, message }` JSON as the intake's own answers. A 5xx never shows its cause.
 */
@Catch()
export class RefusalFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const raised = (exception ?? {}) as RaisedError;
    const candidate = typeof raised.getStatus === 'function' ? raised.getStatus() : raised.statusCode ?? raised.status;
    const status = typeof candidate === 'number' && candidate >= 400 && candidate < 600 ? candidate : 500;
    const message = status < 500 && typeof raised.message === 'string' ? raised.message : 'the request could not be handled; retry later';
    const response = host.switchToHttp().getResponse<FastifyReply>();
    if (response.sent) return;
    void response.code(status).header('content-type', 'application/json').send(JSON.stringify({ error: errorCodeFor(status), message }));
  }
}
