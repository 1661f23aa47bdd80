import { Decimal } from 'decimal.js';
import { businessErrors, type GatewayError } from '../gateway/gateway-errors.js';
import type { StoredSalesDocument } from '../simulator-types.js';
import type { FunctionContext } from './function-handler.js';
import { formatAmount } from './sales-document-fields.js';

export const DEFAULT_CREDIT_TRANSACTION_TYPES: ReadonlySet<string> = new Set(['Sales Credit Memo', 'Sales Return']);

const creditTypes = (context: FunctionContext) => context.creditTransactionTypes ?? DEFAULT_CREDIT_TRANSACTION_TYPES;

/** The document `<createdfrom>` names (a DOCID of the caller's company), or the errors Intacct answers for an unknown one. */
export const sourceDocument = (createdFrom: string, context: FunctionContext): { document: StoredSalesDocument } | { errors: GatewayError[] } => {
  const document = context.state.document(context.companyId, createdFrom);
  if (document) return { document };
  return {
    errors: businessErrors(
      'Invalid source document',
      `Cannot create from '${createdFrom}': the source document does not exist.`,
      'Enter the DOCID of an existing document in createdfrom, e.g. "Sales Invoice-INV0001".',
    ),
  };
};

/**
 * Why a credit document may not be created from `source`: the credits created from it, with this
 * one, would exceed its TOTAL (a second refund of the same money). Undefined when it may, and for
 * definitions that do not credit.
 */
export const overCreditErrors = (
  source: StoredSalesDocument,
  transactionType: string,
  total: string,
  context: FunctionContext,
): GatewayError[] | undefined => {
  const types = creditTypes(context);
  if (!types.has(transactionType)) return undefined;
  const earlier = context.state
    .documentsOf(context.companyId)
    .filter((doc) => doc.createdFrom === source.docId && types.has(doc.transactionType));
  // Credit definitions may carry their amounts as positive or negative totals; either way they credit.
  const credited = earlier.reduce((sum, doc) => sum.plus(new Decimal(doc.total).abs()), new Decimal(0));
  const original = new Decimal(source.total).abs();
  const remaining = Decimal.max(original.minus(credited), 0);
  if (credited.plus(new Decimal(total).abs()).lte(original)) return undefined;
  return businessErrors(
    'Credit exceeds the source document',
    `The ${transactionType} total ${formatAmount(new Decimal(total).abs())} is more than the ${formatAmount(remaining)} of ${source.docId} not yet credited ` +
      `(total ${formatAmount(original)}, credited ${formatAmount(credited)}${earlier.length ? ` by ${earlier.map((doc) => doc.docId).join(', ')}` : ''}).`,
    'Credit no more than the remaining total of the source document.',
  );
};
