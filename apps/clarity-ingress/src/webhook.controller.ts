import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClarityWebhookIntake } from './webhook-intake.js';

/** HTTP only: hands the raw bytes and headers to the intake and writes its reply. */
@Controller('webhooks')
export class WebhookController {
  constructor(@Inject(ClarityWebhookIntake) private readonly intake: ClarityWebhookIntake) {}

  @Post('clarity')
  @HttpCode(202)
  async clarity(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value[0] : value;
    const result = await this.intake.receive({ rawBody, headers });
    // The request timeout may have answered already (408): Clarity retries, the webhook id dedupes.
    if (response.sent) return;
    await response.code(result.status).header('content-type', 'application/json').send(JSON.stringify(result.body));
  }
}
