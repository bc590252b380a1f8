import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One access line per request, written once it is answered: method, path (the `req` serializer drops the
 * query), status, time in ms and request id. Fastify's default writes a second line on arrival, which doubles
 * the log of a busy public route (every banner post) and its cost, for nothing the completed line lacks.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
