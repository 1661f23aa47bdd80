/**
 * Intacct counts concurrent API requests per company (companyId + gateway URL), whichever entity
 * or session sends them: every client of one company joins the same shared slots.
 */
export { RequestSlots, MAX_HOLD_MS, joinSharedSlots as joinCompanySlots, type ReleaseSlot } from '@tributary/core';
