import type { StoredArInvoice, StoredArPayment, StoredCustomer, StoredSalesDocument } from '../simulator-types.js';

interface Books {
  documents: StoredSalesDocument[];
  deletedDocuments: StoredSalesDocument[];
  arInvoices: StoredArInvoice[];
  customers: StoredCustomer[];
  payments: StoredArPayment[];
  /** Last auto-numbered CUSTOMERID per company. */
  customerCounters: Map<string, number>;
  nextRecordNo: number;
  /** Last auto-number per `companyId|transactionType`. */
  documentCounters: Map<string, number>;
  /** Function controlids that completed, per company (uniqueid=true dedupe). */
  completedControlIds: Map<string, Set<string>>;
}

const emptyBooks = (): Books => ({
  documents: [],
  deletedDocuments: [],
  arInvoices: [],
  customers: [],
  payments: [],
  customerCounters: new Map(),
  nextRecordNo: 1,
  documentCounters: new Map(),
  completedControlIds: new Map(),
});

/** "Sales Order" → "SO": a readable per-definition prefix, like the numbering sequences companies set up. */
const numberPrefix = (transactionType: string): string =>
  transactionType
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('') || 'DOC';

/**
 * Everything a committed function leaves behind. `snapshot`/`restore` give transaction="true"
 * its rollback.
 */
export class DurableState {
  private books = emptyBooks();

  documents(): StoredSalesDocument[] {
    return structuredClone(this.books.documents);
  }

  documentsOf(companyId: string): readonly StoredSalesDocument[] {
    return this.books.documents.filter((doc) => doc.companyId === companyId);
  }

  hasDocument(companyId: string, docId: string): boolean {
    return this.books.documents.some((doc) => doc.companyId === companyId && doc.docId === docId);
  }

  /** The next free auto-number for the definition: SO0001, SO0002, … skipping numbers given by hand. */
  nextDocumentNo(companyId: string, transactionType: string): string {
    const counterKey = `${companyId}|${transactionType}`;
    let counter = this.books.documentCounters.get(counterKey) ?? 0;
    let docNo: string;
    do {
      counter += 1;
      docNo = `${numberPrefix(transactionType)}${String(counter).padStart(4, '0')}`;
    } while (this.hasDocument(companyId, `${transactionType}-${docNo}`));
    this.books.documentCounters.set(counterKey, counter);
    return docNo;
  }

  nextRecordNo(): string {
    const recordNo = this.books.nextRecordNo;
    this.books.nextRecordNo += 1;
    return String(recordNo);
  }

  addDocument(document: StoredSalesDocument): void {
    this.books.documents.push(document);
  }

  /** The live record, so update_sotransaction can change it; `externalKey` looks it up by EXTERNALID instead of DOCID. */
  document(companyId: string, key: string, externalKey = false): StoredSalesDocument | undefined {
    return this.books.documents.find((doc) => doc.companyId === companyId && (externalKey ? doc.externalId === key : doc.docId === key));
  }

  deletedDocuments(): StoredSalesDocument[] {
    return structuredClone(this.books.deletedDocuments);
  }

  /** Removes the document (and the AR invoice it posted) from the books, keeping it in deletedDocuments. */
  deleteDocument(document: StoredSalesDocument): void {
    this.books.documents = this.books.documents.filter((doc) => doc !== document);
    this.books.arInvoices = this.books.arInvoices.filter(
      (invoice) => !(invoice.companyId === document.companyId && invoice.recordNo === document.prRecordKey),
    );
    this.books.deletedDocuments.push(document);
  }

  arInvoices(): StoredArInvoice[] {
    return structuredClone(this.books.arInvoices);
  }

  addArInvoice(invoice: StoredArInvoice): void {
    this.books.arInvoices.push(invoice);
  }

  /** The live record, so a payment can reduce its open balance. */
  arInvoice(companyId: string, recordNo: string): StoredArInvoice | undefined {
    return this.books.arInvoices.find((invoice) => invoice.companyId === companyId && invoice.recordNo === recordNo);
  }

  customers(): StoredCustomer[] {
    return structuredClone(this.books.customers);
  }

  customersOf(companyId: string): readonly StoredCustomer[] {
    return this.books.customers.filter((customer) => customer.companyId === companyId);
  }

  hasCustomer(companyId: string, customerId: string): boolean {
    return this.books.customers.some((customer) => customer.companyId === companyId && customer.customerId === customerId);
  }

  /** C-0001, C-0002, … skipping ids given by hand, like a customer numbering sequence. */
  nextCustomerId(companyId: string, seeded: ReadonlySet<string> = new Set()): string {
    let counter = this.books.customerCounters.get(companyId) ?? 0;
    let customerId: string;
    do {
      counter += 1;
      customerId = `C-${String(counter).padStart(4, '0')}`;
    } while (this.hasCustomer(companyId, customerId) || seeded.has(customerId));
    this.books.customerCounters.set(companyId, counter);
    return customerId;
  }

  addCustomer(customer: StoredCustomer): void {
    this.books.customers.push(customer);
  }

  payments(): StoredArPayment[] {
    return structuredClone(this.books.payments);
  }

  paymentsOf(companyId: string): readonly StoredArPayment[] {
    return this.books.payments.filter((payment) => payment.companyId === companyId);
  }

  addPayment(payment: StoredArPayment): void {
    this.books.payments.push(payment);
  }

  hasCompleted(companyId: string, controlId: string): boolean {
    return this.books.completedControlIds.get(companyId)?.has(controlId) ?? false;
  }

  markCompleted(companyId: string, controlId: string): void {
    const completed = this.books.completedControlIds.get(companyId) ?? new Set<string>();
    completed.add(controlId);
    this.books.completedControlIds.set(companyId, completed);
  }

  snapshot(): unknown {
    return structuredClone(this.books);
  }

  restore(snapshot: unknown): void {
    this.books = structuredClone(snapshot as Books);
  }

  reset(): void {
    this.books = emptyBooks();
  }
}
