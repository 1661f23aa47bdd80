import type {
  CashReceipt, CompanySeed, Customer, CustomerSeed, Invoice, Item, ItemSeed, ItemWarehouse, PaymentType, PaymentTypeSeed, SalesOrder, SalesOrderHistory, Stamped,
} from '../simulator-types.js';
import { dateOf, stampOf } from './clock.js';

export const customerKey = (division: string, customerNo: string) => `${division}-${customerNo}`;
export const itemWarehouseKey = (itemCode: string, warehouseCode: string) => `${itemCode}|${warehouseCode}`;

const zeroFilled = (n: number, width: number) => String(n).padStart(width, '0');

/** One Sage 100 company's files. Records are kept as the facade shows them. */
export class CompanyBooks {
  readonly divisions: ReadonlySet<string>;
  readonly orders = new Map<string, SalesOrder>();
  readonly history = new Map<string, SalesOrderHistory>();
  readonly customers = new Map<string, Customer>();
  readonly items = new Map<string, Item>();
  readonly itemWarehouses = new Map<string, ItemWarehouse>();
  readonly invoices = new Map<string, Invoice>();
  readonly receipts: CashReceipt[] = [];
  readonly paymentTypes = new Map<string, PaymentType>();
  private counters = { salesOrder: 0, invoice: 0, deposit: 0, check: 0 };

  constructor(
    readonly code: string,
    seed: CompanySeed,
  ) {
    this.divisions = new Set(seed.divisions ?? ['01']);
  }

  /** nGetNextSalesOrderNo: 7 characters, zero-filled, skipping numbers still in the open or history file. */
  nextSalesOrderNo(): string {
    let no: string;
    do no = zeroFilled(++this.counters.salesOrder, 7);
    while (this.orders.has(no) || this.history.has(no));
    return no;
  }

  nextInvoiceNo(): string {
    return zeroFilled(++this.counters.invoice, 7);
  }

  nextDepositNo(): string {
    return zeroFilled(++this.counters.deposit, 5);
  }

  nextCheckNo(): string {
    return `WEB${zeroFilled(++this.counters.check, 7)}`;
  }

  customer(division: string, customerNo: string): Customer | undefined {
    return this.customers.get(customerKey(division, customerNo));
  }

  itemWarehouse(itemCode: string, warehouseCode: string): ItemWarehouse | undefined {
    return this.itemWarehouses.get(itemWarehouseKey(itemCode, warehouseCode));
  }

  /** Sets QuantityOnHand (a count or a receipt), creating the row; the item's total follows. */
  setQuantityOnHand(itemCode: string, warehouseCode: string, quantity: number, at: Date): ItemWarehouse {
    const key = itemWarehouseKey(itemCode, warehouseCode);
    const row = this.itemWarehouses.get(key) ?? { ItemCode: itemCode, WarehouseCode: warehouseCode, QuantityOnHand: 0, QuantityOnSalesOrder: 0, QuantityOnBackOrder: 0, ...stampOf(at) };
    Object.assign(row, { QuantityOnHand: quantity }, stampOf(at));
    this.itemWarehouses.set(key, row);
    this.refreshItemTotal(itemCode, at);
    return row;
  }

  /** CI_Item.TotalQuantityOnHand is the sum over its warehouses. */
  refreshItemTotal(itemCode: string, at: Date): void {
    const item = this.items.get(itemCode);
    if (!item) return;
    const total = [...this.itemWarehouses.values()].filter((r) => r.ItemCode === itemCode).reduce((sum, r) => sum + r.QuantityOnHand, 0);
    if (total !== item.TotalQuantityOnHand) Object.assign(item, { TotalQuantityOnHand: total }, stampOf(at));
  }

  seedCustomer(seed: CustomerSeed, at: Date): void {
    const { company: _company, ...fields } = seed;
    this.customers.set(customerKey(seed.ARDivisionNo, seed.CustomerNo), {
      EmailAddress: '', ZipCode: '', CreditLimit: 0, CurrentBalance: 0, CreditHold: 'N',
      ...fields,
      DateCreated: dateOf(at),
      ...stampOf(at),
    });
  }

  seedItem(seed: ItemSeed, at: Date): void {
    const stamp: Stamped = stampOf(at);
    this.items.set(seed.ItemCode, {
      ItemCode: seed.ItemCode,
      ItemType: seed.ItemType,
      ItemCodeDesc: seed.description.slice(0, 30),
      StandardUnitPrice: seed.StandardUnitPrice ?? 0,
      InactiveItem: seed.InactiveItem ?? 'N',
      ...(seed.warehouses[0] ? { DefaultWarehouseCode: seed.warehouses[0].WarehouseCode } : {}),
      TotalQuantityOnHand: 0,
      ...stamp,
    });
    for (const wh of seed.warehouses) this.setQuantityOnHand(seed.ItemCode, wh.WarehouseCode, wh.QuantityOnHand, at);
  }

  seedPaymentType(seed: PaymentTypeSeed, at: Date): void {
    this.paymentTypes.set(seed.PaymentType, {
      PaymentType: seed.PaymentType,
      PaymentDesc: seed.PaymentDesc,
      PaymentMethod: seed.PaymentMethod ?? 'O',
      DefaultTransaction: seed.DefaultTransaction ?? 'D',
      ...stampOf(at),
    });
  }
}

export const DEFAULT_PAYMENT_TYPES: readonly PaymentTypeSeed[] = [
  { PaymentType: 'VISA', PaymentDesc: 'Visa', PaymentMethod: 'R', DefaultTransaction: 'D' },
  { PaymentType: 'MC', PaymentDesc: 'MasterCard', PaymentMethod: 'R', DefaultTransaction: 'D' },
  { PaymentType: 'AMEX', PaymentDesc: 'American Express', PaymentMethod: 'R', DefaultTransaction: 'D' },
  { PaymentType: 'PAYPL', PaymentDesc: 'PayPal', PaymentMethod: 'O', DefaultTransaction: 'D' },
  { PaymentType: 'CHECK', PaymentDesc: 'Check', PaymentMethod: 'C', DefaultTransaction: 'P' },
];
