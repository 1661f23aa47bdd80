import { randomUUID } from 'node:crypto';
import type { Row } from './query-filter.js';

interface PendingResult {
  listType: string;
  fields: readonly string[];
  pageSize: number;
  rows: Row[];
  companyId: string;
}

/** Rows a readByQuery could not return in one page, kept for readMore under a resultId. */
export class ResultSets {
  private readonly pending = new Map<string, PendingResult>();

  keep(companyId: string, listType: string, fields: readonly string[], pageSize: number, rows: Row[]): string {
    const resultId = `${randomUUID().replace(/-/g, '')}W`;
    this.pending.set(resultId, { companyId, listType, fields, pageSize, rows });
    return resultId;
  }

  /** Takes the next page, as large as the original pagesize; the id stays valid while rows remain. */
  take(
    companyId: string,
    resultId: string,
  ): { listType: string; fields: readonly string[]; page: Row[]; remaining: number } | undefined {
    const result = this.pending.get(resultId);
    if (!result || result.companyId !== companyId) return undefined;
    const page = result.rows.splice(0, result.pageSize);
    if (result.rows.length === 0) this.pending.delete(resultId);
    return { listType: result.listType, fields: result.fields, page, remaining: result.rows.length };
  }

  clear(): void {
    this.pending.clear();
  }
}
