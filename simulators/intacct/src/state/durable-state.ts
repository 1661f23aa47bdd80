import type { StoredArInvoice, StoredArPayment, StoredContact, StoredCustomer, StoredSalesDocument } from '../simulator-types.js';
import type { ItemSeed, StoredGlBatch, StoredItem } from '../simulator-types.js';
import { applyItemChange, changeOf, itemChangeProblem, newItem, type ItemChange } from './item-master.js';

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
  /** Journal entry batches, and the last BATCHNO per `companyId|journal`. */
  glBatches?: StoredGlBatch[];
  glBatchCounters?: Map<string, number>;
  /** ITEM records (shared by every company) and their own RECORDNO sequence. */
  items?: StoredItem[];
  nextItemRecordNo?: number;
  /** SODOCUMENTENTRY numbers its lines in a sequence of its own. */
  nextEntryRecordNo?: number;
  /** CONTACT records; CONTACTNAME is unique per company. */
  contacts?: StoredContact[];
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
  private itemSeed: ItemChange[] = [];

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

  /** The next SODOCUMENTENTRY RECORDNO. */
  nextEntryRecordNo(): string {
    const recordNo = this.books.nextEntryRecordNo ?? 1;
    this.books.nextEntryRecordNo = recordNo + 1;
    return String(recordNo);
  }

  /** The live documents with that DOCID, in every company or in one. */
  documentsWithId(docId: string, companyId?: string): StoredSalesDocument[] {
    return this.books.documents.filter((doc) => doc.docId === docId && (companyId === undefined || doc.companyId === companyId));
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

  contacts(): StoredContact[] {
    return structuredClone(this.books.contacts ?? []);
  }

  contactsOf(companyId: string): readonly StoredContact[] {
    return (this.books.contacts ?? []).filter((contact) => contact.companyId === companyId);
  }

  /** The company's contact with exactly that CONTACTNAME. */
  contact(companyId: string, contactName: string): StoredContact | undefined {
    return this.books.contacts?.find((contact) => contact.companyId === companyId && contact.contactName === contactName);
  }

  addContact(contact: StoredContact): void {
    (this.books.contacts ??= []).push(contact);
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

  glBatches(): StoredGlBatch[] {
    return structuredClone(this.books.glBatches ?? []);
  }

  glBatchesOf(companyId: string): readonly StoredGlBatch[] {
    return (this.books.glBatches ?? []).filter((batch) => batch.companyId === companyId);
  }

  /** 1, 2, … per company and journal, like a journal's batch numbering. */
  nextGlBatchNo(companyId: string, journal: string): string {
    const counters = (this.books.glBatchCounters ??= new Map<string, number>());
    const batchNo = (counters.get(`${companyId}|${journal}`) ?? 0) + 1;
    counters.set(`${companyId}|${journal}`, batchNo);
    return String(batchNo);
  }

  addGlBatch(batch: StoredGlBatch): void {
    (this.books.glBatches ??= []).push(batch);
  }

  items(): StoredItem[] {
    return structuredClone(this.books.items ?? []);
  }

  itemsInOrder(): readonly StoredItem[] {
    return this.books.items ?? [];
  }

  item(itemId: string): StoredItem | undefined {
    return this.books.items?.find((item) => item.itemId === itemId);
  }

  /**
   * Creates the item or applies the change to it (WHENMODIFIED = now, version + 1). Throws
   * RangeError when the change is invalid; the gateway checks with itemChangeProblem first.
   */
  putItem(change: ItemChange, now: Date = new Date()): StoredItem {
    const problem = itemChangeProblem(change);
    if (problem) throw new RangeError(problem);
    const existing = this.item(change.itemId);
    if (existing) {
      applyItemChange(existing, change, now);
      return structuredClone(existing);
    }
    const recordNo = this.books.nextItemRecordNo ?? 1;
    this.books.nextItemRecordNo = recordNo + 1;
    const item = newItem(String(recordNo), change, now);
    (this.books.items ??= []).push(item);
    return structuredClone(item);
  }

  /** The ITEMs to start with and to return to on reset. */
  seedItems(seeds: readonly ItemSeed[]): void {
    const changes = seeds.map((seed) => changeOf(seed));
    const problem = changes.map(itemChangeProblem).find((p) => p !== undefined);
    if (problem) throw new RangeError(`itemMaster: ${problem}`);
    this.itemSeed = changes;
    this.books.items = [];
    this.books.nextItemRecordNo = 1;
    this.applyItemSeed();
  }

  private applyItemSeed(): void {
    const now = new Date();
    for (const change of this.itemSeed) this.putItem(change, now);
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
    this.applyItemSeed();
  }
}
