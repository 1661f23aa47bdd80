import type { OrderStatusEvent } from '@tributary/canonical-model';
import type { IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { nameBasedUuid } from '@tributary/core';

export type OrderStatus = 'open' | 'in_progress' | 'invoiced' | 'closed' | 'cancelled';

/** Readable names and the raw codes queries return (external-apis §1.9.1). */
const STATE_NAMES: Readonly<Record<string, string>> = {
  S: 'Submitted', A: 'Approved', X: 'Partially Approved', R: 'Declined', I: 'Draft', O: 'Pending', D: 'Closed', G: 'In Progress', C: 'Converted', P: 'Partially Converted',
};

/** An Intacct document state in Clarity's vocabulary; invoice documents are invoiced while open. */
export const orderStatusOf = (state: string, isInvoice: boolean): OrderStatus => {
  const name = STATE_NAMES[state] ?? state;
  switch (name) {
    case 'Converted':
      return 'invoiced';
    case 'Partially Converted':
    case 'In Progress':
      return 'in_progress';
    case 'Closed':
      return 'closed';
    case 'Declined':
      return 'cancelled';
    default:
      return isInvoice ? 'invoiced' : 'open';
  }
};

/** The version of a document's state: the same state at the same modification is never emitted twice. */
/** A document read with its WHENMODIFIED, as the change listing returns it. */
export type ModifiedSalesDocument = IntacctSalesDocumentRef & { readonly modifiedAt: number };

export const documentStateVersion = (document: ModifiedSalesDocument): string => `${new Date(document.modifiedAt).toISOString()}#${document.state}`;

/** An Intacct sales document's state as a canonical order-status event. Pure; event id from key and version. */
export const toOrderStatusEvent = (document: ModifiedSalesDocument, invoiceTransactionTypes: readonly string[]): OrderStatusEvent => {
  const version = documentStateVersion(document);
  const eventId = nameBasedUuid(`intacct:sodocument:${document.key}:${version}`);
  const documentType = document.transactionType ?? document.key.split('-').slice(0, -1).join('-');
  return {
    eventId,
    eventType: 'order.status-changed',
    occurredAt: document.modifiedAt,
    source: 'intacct',
    correlationId: eventId,
    causationId: null,
    schemaVersion: 1,
    orderStatus: {
      orderNumber: document.referenceNo,
      system: 'intacct',
      documentType,
      documentId: document.key,
      erpState: STATE_NAMES[document.state] ?? document.state,
      status: orderStatusOf(document.state, invoiceTransactionTypes.includes(documentType)),
      total: document.total === '' ? null : document.total,
      currency: document.currency ?? null,
      erpVersion: version,
    },
  };
};
