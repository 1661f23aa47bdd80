/** The header Salesforce puts on every change event (CometD JSON). */
export interface ChangeEventHeader {
  entityName: string;
  recordIds: string[];
  changeType: 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE' | 'GAP_CREATE' | 'GAP_UPDATE' | 'GAP_DELETE' | 'GAP_UNDELETE' | 'GAP_OVERFLOW';
  changeOrigin: string;
  transactionKey: string;
  sequenceNumber: number;
  commitTimestamp: number;
  commitNumber: number;
  commitUser: string;
  changedFields?: string[];
  nulledFields?: string[];
  diffFields?: string[];
}

/** One change event as received, with its replay id and the changed fields (header removed). */
export interface SalesforceChangeEvent {
  channel: string;
  replayId: number;
  header: ChangeEventHeader;
  /** CREATE: all non-null fields; UPDATE: the changed ones; DELETE and GAP_*: none. Compound fields are nested. */
  fields: Record<string, unknown>;
}

/** The `client=` name in a changeOrigin such as `com/salesforce/api/rest/62.0;client=tributary`, if any. */
export const changeOriginClient = (changeOrigin: string): string | undefined => /;client=([^;]+)/.exec(changeOrigin)?.[1];

/** Whether the event is an echo of a write made by `clientName` (or by the integration user). */
export const isEcho = (event: SalesforceChangeEvent, ours: { clientName: string; integrationUserId?: string }): boolean =>
  changeOriginClient(event.header.changeOrigin) === ours.clientName || (ours.integrationUserId !== undefined && event.header.commitUser === ours.integrationUserId);

/** Parses a CometD message's `data` into a SalesforceChangeEvent, or undefined when it is not one. */
export const toChangeEvent = (channel: string, data: unknown): SalesforceChangeEvent | undefined => {
  const d = data as { payload?: Record<string, unknown>; event?: { replayId?: unknown } } | null;
  const header = d?.payload?.['ChangeEventHeader'] as ChangeEventHeader | undefined;
  const replayId = Number(d?.event?.replayId);
  if (!header || !Number.isFinite(replayId)) return undefined;
  const { ChangeEventHeader: _header, ...fields } = d!.payload!;
  return { channel, replayId, header, fields };
};
