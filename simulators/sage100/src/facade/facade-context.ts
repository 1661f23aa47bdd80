import type { CompanyBooks } from '../state/company-books.js';
import type { RecordLocks } from '../state/locks.js';

/** What an operation needs: the company's files, the locks, and the time of the request. */
export interface FacadeContext {
  books: CompanyBooks;
  locks: RecordLocks;
  now: Date;
}
