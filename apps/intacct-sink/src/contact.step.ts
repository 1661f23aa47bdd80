import type { CrossReference } from '@tributary/canonical-model';
import type { IntacctClient, IntacctContact } from '@tributary/connectors-intacct';
import { exactlyOnceEffect, type Ledger } from '@tributary/kafka-runtime';
import type { OrderContacts } from '@tributary/mapping-intacct';
import { recordControlId } from './document-control-id.js';
import type { ledgerEntries } from './ledger-entry.js';

export type IntacctContactPort = Pick<IntacctClient, 'findContact' | 'createContact'>;

export interface ContactStepDeps {
  readonly ledger: Ledger<CrossReference>;
  readonly intacct: IntacctContactPort;
  readonly ledgerFor: ReturnType<typeof ledgerEntries>;
  readonly attempt: number;
}

/** The CONTACTNAMEs a document names, and those this call created. */
export interface EnsuredContacts {
  readonly shipToContact: string;
  readonly billToContact: string;
  readonly created: readonly string[];
}

/**
 * One contact, created at most once: the ledger (`intacct:contact:<CONTACTNAME>`), then Intacct by
 * its exact CONTACTNAME (it may exist from another order to that address, or by hand), and only
 * then a create whose controlid follows from the name, so two orders racing to the same address
 * end with one contact: the second create is refused as a replay and adopts the first.
 */
const ensureContact = async (contact: IntacctContact, deps: ContactStepDeps) => {
  const { key, entry } = deps.ledgerFor('contact', contact.contactName, contact.contactName);
  return exactlyOnceEffect({
    ledger: deps.ledger,
    key,
    entry,
    attempt: deps.attempt,
    findFirst: true,
    duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
    find: async () => (await deps.intacct.findContact(contact.contactName))?.contactName ?? null,
    create: async () => (await deps.intacct.createContact(contact, { controlId: recordControlId('contact-create', contact.contactName) })).contactName,
  });
};

/** The ship-to and bill-to contacts of a document, each existing in Intacct exactly once (one contact when they are the same). */
export const ensureIntacctContacts = async (contacts: OrderContacts, deps: ContactStepDeps): Promise<EnsuredContacts> => {
  const created: string[] = [];
  const shipTo = await ensureContact(contacts.shipTo, deps);
  if (shipTo.kind === 'done') created.push(shipTo.ref);
  if (contacts.billTo.contactName === contacts.shipTo.contactName) return { shipToContact: shipTo.ref, billToContact: shipTo.ref, created };
  const billTo = await ensureContact(contacts.billTo, deps);
  if (billTo.kind === 'done') created.push(billTo.ref);
  return { shipToContact: shipTo.ref, billToContact: billTo.ref, created };
};
