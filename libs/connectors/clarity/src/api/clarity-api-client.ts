import { IntegrationError } from '@tributary/core';
import type { z } from 'zod';
import { clarityOrderSchema, type ClarityOrder } from '../webhook/order.schema.js';
import { clarityPaymentTransactionSchema, type ClarityPaymentTransaction } from '../webhook/payment-transaction.schema.js';
import { clarityProductSchema, type ClarityProduct } from '../webhook/product.schema.js';
import { clarityReturnSchema, type ClarityReturn } from '../webhook/return.schema.js';
import { describeValidationIssues } from '../webhook/validation-issues.js';
import { httpFailure } from './api-failure.js';
import { ClarityApiErrorCode } from './clarity-api-error-codes.js';
import { clarityApiRoutes, routePath, type ClarityApiOperation } from './clarity-api-routes.js';
import type { ClarityApiClientOptions } from './clarity-api-types.js';
import { clarityCustomerRecordSchema, type ClarityCustomerRecord } from '../webhook/customer.schema.js';
import { clarityShipmentSchema, type ClarityShipment } from '../webhook/shipment.schema.js';
import { HttpExchange, type ExchangeReply } from './http-exchange.js';
import {
  clarityInventoryReplySchema,
  clarityOrderStatusReplySchema,
  clarityShipmentCreatedSchema,
  type ClarityInventoryResult,
  type ClarityOrderStatusResult,
} from './reply.schema.js';
import {
  CLARITY_MAX_LEVELS_PER_PUT,
  clarityCustomerPatchSchema,
  clarityInventoryLevelSchema,
  clarityNewShipmentSchema,
  clarityOrderStatusChangeSchema,
  type ClarityCustomerPatch,
  type ClarityInventoryLevel,
  type ClarityNewShipment,
  type ClarityOrderStatusChange,
} from './request.schema.js';
import { TokenSource } from './token-source.js';

const DEFAULT_TIMEOUT_MS = 10_000;

interface Call<Schema extends z.ZodType> {
  readonly operation: ClarityApiOperation;
  readonly params?: Record<string, string>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly reply: Schema;
  /** GETs answer null for 404 instead of failing. */
  readonly nullOn404?: boolean;
}

/** The refusal of an expired or unknown token (RFC 6750 §3.1), as opposed to any other 401. */
const isInvalidToken = (reply: ExchangeReply): boolean =>
  reply.status === 401 &&
  ((reply.header('www-authenticate') ?? '').includes('invalid_token') || (reply.body as { error?: unknown } | undefined)?.error === 'invalid_token');

/** Input the client will not send: permanent, like the 400 Clarity would answer. */
const checked = <Schema extends z.ZodType>(operation: string, schema: Schema, value: unknown): z.output<Schema> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw IntegrationError.permanent(ClarityApiErrorCode.rejected, `Clarity ${operation}: the request is invalid`, {
    operation,
    issues: describeValidationIssues(parsed.error),
  });
};

export interface CreatedShipment {
  shipmentId: string;
  status: 'created';
  /** True when Clarity had already created it under this idempotency key (HTTP 200, not 201). */
  replayed: boolean;
}

/**
 * Clarity's `/api/v1` facade (libs/connectors/clarity/openapi/clarity-api.v1.yaml): OAuth 2.0
 * client credentials, entity reads for enrichment, inventory/shipment/customer/order-status
 * writes. Every failure is thrown as a classified IntegrationError (`CLARITY.*`); the client does
 * not retry, except once after a refused token.
 */
export class ClarityApiClient {
  private readonly http: HttpExchange;
  private readonly tokens: TokenSource;
  private readonly baseUrl: string;
  private readonly changeOrigin: string;

  constructor(private readonly options: ClarityApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.changeOrigin = options.changeOrigin ?? 'tributary';
    this.http = new HttpExchange(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.tokens = new TokenSource(this.http, {
      tokenUrl: options.tokenUrl ?? `${this.baseUrl}${clarityApiRoutes.token.path}`,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      scope: options.scope,
      now: options.now ?? Date.now,
      report: (operation, status, durationMs) => this.report(operation, status, durationMs),
    });
  }

  /** The order, or null when Clarity has none with that id. */
  getOrder(orderId: string): Promise<ClarityOrder | null> {
    return this.call({ operation: 'getOrder', params: { orderId }, reply: clarityOrderSchema, nullOn404: true });
  }

  getCustomer(customerId: string): Promise<ClarityCustomerRecord | null> {
    return this.call({ operation: 'getCustomer', params: { customerId }, reply: clarityCustomerRecordSchema, nullOn404: true });
  }

  getProduct(sku: string): Promise<ClarityProduct | null> {
    return this.call({ operation: 'getProduct', params: { sku }, reply: clarityProductSchema, nullOn404: true });
  }

  getReturn(returnId: string): Promise<ClarityReturn | null> {
    return this.call({ operation: 'getReturn', params: { returnId }, reply: clarityReturnSchema, nullOn404: true });
  }

  getPayment(paymentId: string): Promise<ClarityPaymentTransaction | null> {
    return this.call({ operation: 'getPayment', params: { paymentId }, reply: clarityPaymentTransactionSchema, nullOn404: true });
  }

  getShipment(shipmentId: string): Promise<ClarityShipment | null> {
    return this.call({ operation: 'getShipment', params: { shipmentId }, reply: clarityShipmentSchema, nullOn404: true });
  }

  /**
   * Sets available-to-sell per sku@location, in calls of at most 100 levels, one after another.
   * Safe to repeat: Clarity ignores a level whose sequence is lower than the one it has. When a
   * call fails the earlier ones stay applied; retrying the whole list is fine.
   */
  async putInventory(levels: readonly ClarityInventoryLevel[]): Promise<ClarityInventoryResult> {
    // All checked before the first call, so a bad level does not leave the list half sent.
    const valid = levels.map((level) => checked('putInventory', clarityInventoryLevelSchema, level));
    const total = { accepted: 0, ignoredStale: 0 };
    for (let start = 0; start < valid.length; start += CLARITY_MAX_LEVELS_PER_PUT) {
      const chunk = valid.slice(start, start + CLARITY_MAX_LEVELS_PER_PUT);
      const result = await this.call({ operation: 'putInventory', body: { levels: chunk }, reply: clarityInventoryReplySchema });
      total.accepted += result.accepted;
      total.ignoredStale += result.ignoredStale;
    }
    return total;
  }

  /**
   * Creates a shipment with carrier and tracking. Use the same `idempotencyKey` on every retry of
   * the same shipment (the shipment id does): Clarity then answers the first result again.
   */
  async createShipment(shipment: ClarityNewShipment, opts: { idempotencyKey: string }): Promise<CreatedShipment> {
    const body = checked('createShipment', clarityNewShipmentSchema, shipment);
    const { status, data } = await this.send({
      operation: 'createShipment',
      body,
      headers: { 'idempotency-key': opts.idempotencyKey },
      reply: clarityShipmentCreatedSchema,
    });
    return { ...data, replayed: status === 200 };
  }

  /**
   * Changes the fields present in `patch`, marked as this integration's change
   * (`X-Change-Origin`), so the `customer.updated` Clarity then sends can be recognised as our echo.
   */
  async updateCustomer(customerId: string, patch: ClarityCustomerPatch): Promise<ClarityCustomerRecord> {
    const body = checked('updateCustomer', clarityCustomerPatchSchema, patch);
    return this.call({
      operation: 'updateCustomer',
      params: { customerId },
      body,
      headers: { 'x-change-origin': this.changeOrigin },
      reply: clarityCustomerRecordSchema,
    });
  }

  /** Moves the order to `change.status`. Same `idempotencyKey` on every retry of the same change. */
  async updateOrderStatus(orderId: string, change: ClarityOrderStatusChange, opts: { idempotencyKey: string }): Promise<ClarityOrderStatusResult> {
    const body = checked('updateOrderStatus', clarityOrderStatusChangeSchema, change);
    return this.call({
      operation: 'updateOrderStatus',
      params: { orderId },
      body,
      headers: { 'idempotency-key': opts.idempotencyKey },
      reply: clarityOrderStatusReplySchema,
    });
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private call<Schema extends z.ZodType>(call: Call<Schema> & { nullOn404: true }): Promise<z.output<Schema> | null>;
  private call<Schema extends z.ZodType>(call: Call<Schema>): Promise<z.output<Schema>>;
  private async call<Schema extends z.ZodType>(call: Call<Schema>): Promise<z.output<Schema> | null> {
    const reply = await this.send(call);
    return reply === null ? null : reply.data;
  }

  private send<Schema extends z.ZodType>(call: Call<Schema> & { nullOn404?: false }): Promise<{ status: number; data: z.output<Schema> }>;
  private send<Schema extends z.ZodType>(call: Call<Schema>): Promise<{ status: number; data: z.output<Schema> } | null>;
  private async send<Schema extends z.ZodType>(call: Call<Schema>): Promise<{ status: number; data: z.output<Schema> } | null> {
    const route = clarityApiRoutes[call.operation];
    const url = `${this.baseUrl}${routePath(route.path, call.params)}`;
    let token = await this.tokens.get();
    let reply = await this.exchange(call, route.method, url, token);
    if (isInvalidToken(reply)) {
      // Expired early, revoked, or the server restarted: one fresh token, one more try.
      this.tokens.invalidate(token);
      token = await this.tokens.get();
      reply = await this.exchange(call, route.method, url, token);
      if (isInvalidToken(reply)) {
        throw IntegrationError.transient(ClarityApiErrorCode.auth, `Clarity ${call.operation} refused a freshly issued token`, {
          operation: call.operation,
          httpStatus: 401,
        });
      }
    }
    if (reply.status === 404 && call.nullOn404) return null;
    if (reply.status < 200 || reply.status >= 300) {
      throw httpFailure({
        operation: call.operation,
        status: reply.status,
        body: reply.body,
        retryAfter: reply.header('retry-after'),
        write: route.method !== 'GET',
        secrets: [token, this.options.clientSecret],
      });
    }
    const parsed = call.reply.safeParse(reply.body);
    if (!parsed.success) {
      throw IntegrationError.transient(ClarityApiErrorCode.unreadable, `Clarity ${call.operation} answered with a body that does not match the contract`, {
        operation: call.operation,
        httpStatus: reply.status,
        issues: describeValidationIssues(parsed.error),
      });
    }
    return { status: reply.status, data: parsed.data };
  }

  private async exchange(call: Call<z.ZodType>, method: string, url: string, token: string): Promise<ExchangeReply> {
    const started = performance.now();
    let status = 'error';
    try {
      const reply = await this.http.send({
        operation: call.operation,
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...call.headers,
        },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      });
      status = String(reply.status);
      return reply;
    } finally {
      this.report(call.operation, status, performance.now() - started);
    }
  }

  private report(operation: string, status: string, durationMs: number): void {
    try {
      this.options.onRequest?.({ operation, status, durationMs: Math.round(durationMs) });
    } catch {
      // A metrics hook must not fail the call it measures.
    }
  }
}
