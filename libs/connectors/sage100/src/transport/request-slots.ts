/**
 * A Sage 100 agent counts requests in flight, whichever company or client sends them: every client
 * of one agent (its URL) joins the same shared slots.
 */
export { RequestSlots, MAX_HOLD_MS, joinSharedSlots as joinAgentSlots, type ReleaseSlot } from '@tributary/core';
