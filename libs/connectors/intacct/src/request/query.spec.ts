import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { customersBy } from './customer-lookup.js';
import { queryFunction } from './query.js';
import { buildRequestXml } from './request-envelope.js';

const wrap = (fn: ReturnType<typeof queryFunction>) =>
  buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [fn]);

const SELECT = '<select><field>RECORDNO</field><field>CUSTOMERID</field><field>NAME</field><field>DISPLAYCONTACT.EMAIL1</field><field>CLARITY_ID</field></select>';

describe('query request', () => {
  it('looks customers up by e-mail case-insensitively, the value XML-escaped and unquoted', () => {
    const xml = wrap(queryFunction(customersBy({ email: "Maeve.O'Connell+a&b@HarbourFinch.example" }), 'find-1'));
    assert.match(
      xml,
      new RegExp(
        `<function controlid="find-1"><query><object>CUSTOMER</object>${SELECT}<filter><equalto><field>DISPLAYCONTACT.EMAIL1</field><value>Maeve.O&apos;Connell\\+a&amp;b@HarbourFinch.example</value></equalto></filter><options><caseinsensitive>true</caseinsensitive></options><pagesize>100</pagesize></query></function>`,
      ),
    );
  });

  it('compares CLARITY_ID and CUSTOMERID exactly', () => {
    assert.match(wrap(queryFunction(customersBy({ clarityId: 'clarity-cust-501' }), 'f')), /<filter><equalto><field>CLARITY_ID<\/field><value>clarity-cust-501<\/value><\/equalto><\/filter><pagesize>100<\/pagesize>/);
    assert.match(wrap(queryFunction(customersBy({ customerId: 'C-0001' }), 'f')), /<filter><equalto><field>CUSTOMERID<\/field><value>C-0001<\/value><\/equalto><\/filter><pagesize>/);
  });
});
