import type { Stamped } from '../simulator-types.js';

/** DateUpdated/TimeUpdated of an instant, UTC, one-second precision. */
export const stampOf = (at: Date): Stamped => {
  const iso = at.toISOString();
  return { DateUpdated: iso.slice(0, 10), TimeUpdated: iso.slice(11, 19) };
};

export const dateOf = (at: Date): string => at.toISOString().slice(0, 10);

/** `YYYY-MM-DDTHH:MM:SS`: ordered as text the way it is ordered in time. */
export const stampKey = (record: Stamped): string => `${record.DateUpdated}T${record.TimeUpdated}`;
