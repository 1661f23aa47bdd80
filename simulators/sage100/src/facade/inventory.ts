import type { Invoice, Item, ItemWarehouse, PaymentType } from '../simulator-types.js';
import { itemWarehouseKey } from '../state/company-books.js';
import type { FacadeContext } from './facade-context.js';
import { SimulatorError } from './facade-error.js';
import { pageOf, type Page } from './paging.js';

type ListQuery = { DateUpdatedFrom?: string | undefined; PageSize: number; Cursor?: string | undefined };

export const getItem = ({ books }: FacadeContext, itemCode: string): Item => {
  const item = books.items.get(itemCode);
  if (!item) throw new SimulatorError('not_found', `Item ${itemCode} is not on file`);
  return structuredClone(item);
};

export const listItemWarehouses = ({ books }: FacadeContext, query: ListQuery & { ItemCode?: string | undefined; WarehouseCode?: string | undefined }): Page<ItemWarehouse> =>
  pageOf(
    [...books.itemWarehouses.values()].filter(
      (row) => (query.ItemCode === undefined || row.ItemCode === query.ItemCode) && (query.WarehouseCode === undefined || row.WarehouseCode === query.WarehouseCode),
    ),
    (row) => itemWarehouseKey(row.ItemCode, row.WarehouseCode),
    query,
  );

export const listInvoices = ({ books }: FacadeContext, query: ListQuery & { SalesOrderNo?: string | undefined }): Page<Invoice> =>
  pageOf(
    [...books.invoices.values()].filter((invoice) => query.SalesOrderNo === undefined || invoice.SalesOrderNo === query.SalesOrderNo),
    (invoice) => invoice.InvoiceNo,
    query,
  );

export const listPaymentTypes = ({ books }: FacadeContext, query: ListQuery): Page<PaymentType> =>
  pageOf(books.paymentTypes.values(), (type) => type.PaymentType, query);
