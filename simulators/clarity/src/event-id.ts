import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `evt_` + a ULID (time-ordered, 26 chars), the shape of Clarity's event ids (`evt_01J…`). */
export const newEventId = (atMs: number = Date.now()): string => {
  let time = '';
  let rest = atMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  const random = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `evt_${time}${random}`;
};
