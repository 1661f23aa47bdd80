import { boiMessage, type BoiMessageKey } from '../boi-message.js';

export type FacadeErrorKind = 'validation' | 'duplicate' | 'locked' | 'throttled' | 'offline' | 'unauthorized' | 'forbidden' | 'not_found' | 'bad_request' | 'internal';

const STATUS: Record<FacadeErrorKind, number> = {
  validation: 422, duplicate: 422, locked: 409, throttled: 429, offline: 503, unauthorized: 401, forbidden: 403, not_found: 404, bad_request: 400, internal: 500,
};

/** A refusal the facade answers as `{ error, message, field? }` with the kind's HTTP status. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  readonly status: number;

  constructor(readonly kind: FacadeErrorKind, message: string, readonly field?: string) {
    super(message);
    this.status = STATUS[kind];
  }

  body(): { error: FacadeErrorKind; message: string; field?: string } {
    return { error: this.kind, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

/** A BOI refusal: 422 with the fixture text. */
export const boiError = (key: BoiMessageKey, values: Record<string, string | number> = {}, field?: string, kind: 'validation' | 'duplicate' = 'validation') =>
  new SimulatorError(kind, boiMessage(key, values), field);
