import type { CompanySeed, InCompany, SeedRequest, Sage100SimulatorOptions } from '../simulator-types.js';
import { CompanyBooks, DEFAULT_PAYMENT_TYPES } from './company-books.js';

/** Every company's books, built from the start options (and rebuilt from them on reset). */
export class SimulatorState {
  private companies = new Map<string, CompanyBooks>();

  constructor(
    private readonly options: Pick<Sage100SimulatorOptions, 'companies' | 'customers' | 'items' | 'paymentTypes'>,
    private readonly now: () => Date,
  ) {
    if (options.companies.length === 0) throw new RangeError('the simulator needs at least one company');
    this.reset();
  }

  reset(): void {
    const at = this.now();
    this.companies = new Map(this.options.companies.map((seed: CompanySeed) => [seed.code, new CompanyBooks(seed.code, seed)]));
    for (const books of this.companies.values()) {
      if (!this.options.paymentTypes) DEFAULT_PAYMENT_TYPES.forEach((type) => books.seedPaymentType(type, at));
    }
    this.seed({ ...(this.options.customers ? { customers: this.options.customers } : {}), ...(this.options.items ? { items: this.options.items } : {}), ...(this.options.paymentTypes ? { paymentTypes: this.options.paymentTypes } : {}) });
  }

  get firstCompany(): string {
    return this.options.companies[0]!.code;
  }

  company(code: string): CompanyBooks | undefined {
    return this.companies.get(code);
  }

  /** The company's books; throws for an unknown code (admin callers get 404). */
  books(code: string | undefined): CompanyBooks {
    const books = this.companies.get(code ?? this.firstCompany);
    if (!books) throw new RangeError(`no company ${code}`);
    return books;
  }

  /** Customers go to their company (default the first), items and payment types to theirs (default every company). */
  seed(seed: SeedRequest): void {
    const at = this.now();
    const targets = (company: string | undefined) => (company ? [this.books(company)] : [...this.companies.values()]);
    seed.paymentTypes?.forEach((type) => targets(type.company).forEach((books) => books.seedPaymentType(type, at)));
    seed.items?.forEach((item) => targets(item.company).forEach((books) => books.seedItem(item, at)));
    seed.customers?.forEach((customer) => this.books(customer.company).seedCustomer(customer, at));
  }

  /** Records of one company, or of all, each with its company code. */
  list<T extends object>(pick: (books: CompanyBooks) => Iterable<T>, company?: string): InCompany<T>[] {
    const books = company ? [this.books(company)] : [...this.companies.values()];
    return books.flatMap((b) => [...pick(b)].map((record) => ({ ...structuredClone(record), company: b.code })));
  }
}
