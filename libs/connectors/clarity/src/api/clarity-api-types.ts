export interface ClarityApiRequestEvent {
  /** `token`, `getOrder`, `putInventory`, … (the keys of clarityApiRoutes). */
  operation: string;
  /** The HTTP status, or `error` when no answer came. */
  status: string;
  durationMs: number;
}

export interface ClarityApiClientOptions {
  /** Where `/api/v1` lives, e.g. `https://shop.example.com`. */
  baseUrl: string;
  /** Default `${baseUrl}/oauth/token`. */
  tokenUrl?: string | undefined;
  clientId: string;
  clientSecret: string;
  scope?: string | undefined;
  /** Per HTTP exchange, headers and body. Default 10 s. */
  timeoutMs?: number | undefined;
  /** Sent as `X-Change-Origin` with customer updates; Clarity echoes it as `updatedBy: "integration:<origin>"`. Default `tributary`. */
  changeOrigin?: string | undefined;
  /** Called once per HTTP exchange (token requests included), for metrics. */
  onRequest?: ((event: ClarityApiRequestEvent) => void) | undefined;
  /** Epoch ms, for token expiry. Default Date.now. */
  now?: (() => number) | undefined;
}
