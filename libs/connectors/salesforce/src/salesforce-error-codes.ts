/** Stable IntegrationError codes raised by this connector. */
export const SalesforceErrorCode = {
  /** Network failure, HTTP 5xx or an unreadable reply. Transient; a write's outcome is unknown. */
  unavailable: 'SALESFORCE.UNAVAILABLE',
  /** No answer within timeoutMs. Transient; a write's outcome is unknown. */
  timeout: 'SALESFORCE.TIMEOUT',
  /** The token endpoint refused the client, or a fresh token was refused too. Transient: pause, never dead-letter. */
  authFailed: 'SALESFORCE.AUTH_FAILED',
  /** REQUEST_LIMIT_EXCEEDED: the org's daily API allocation is spent. Transient, with a long retryAfterMs. */
  limit: 'SALESFORCE.LIMIT',
  /** An external id matched several records (HTTP 300 / DUPLICATE_EXTERNAL_ID). Permanent; `details.ids` lists them. */
  multipleMatches: 'SALESFORCE.MULTIPLE_MATCHES',
  /** A unique value is already taken, e.g. two upserts raced to create it. Transient: retry as an update. */
  duplicateValue: 'SALESFORCE.DUPLICATE_VALUE',
  /** Required fields are missing. Permanent; `details.fields` names them. */
  requiredFieldMissing: 'SALESFORCE.REQUIRED_FIELD_MISSING',
  /** A rule between fields failed (e.g. a PricebookEntry outside the order's price book). Permanent. */
  fieldIntegrity: 'SALESFORCE.FIELD_INTEGRITY_EXCEPTION',
  /** A field that does not exist or cannot be written. Permanent (a mapping or org-setup problem). */
  invalidField: 'SALESFORCE.INVALID_FIELD',
  /** The resource (or the external-id field) does not exist. Permanent. */
  notFound: 'SALESFORCE.NOT_FOUND',
  /** Any other refusal of the request's content (4xx with an error array). Permanent; `details.errorCode` says which. */
  rejected: 'SALESFORCE.REJECTED',
  /** A record had no external-id value, so it was not sent. Permanent. */
  missingExternalId: 'SALESFORCE.MISSING_EXTERNAL_ID',
  /** The subscribe replay id is outside the retention window. Permanent for that id: resync, then subscribe from -1/-2. */
  replayIdInvalid: 'SALESFORCE.REPLAY_ID_INVALID',
  /** A CometD channel that does not exist or that the user may not read. Permanent. */
  channelUnknown: 'SALESFORCE.CHANNEL_UNKNOWN',
  /** A CometD failure other than auth, replay or channel. Transient. */
  streaming: 'SALESFORCE.STREAMING',
} as const;

export type SalesforceErrorCode = (typeof SalesforceErrorCode)[keyof typeof SalesforceErrorCode];
