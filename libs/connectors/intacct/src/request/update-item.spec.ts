import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readByQueryFunction } from './read-by-query.js';
import { buildRequestXml } from './request-envelope.js';
import { itemsChangedSince, updateItemFunction } from './update-item.js';

const wrap = (fn: ReturnType<typeof updateItemFunction>) =>
  buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [fn]);

describe('ITEM update request', () => {
  it('writes the given fields in §1.11 order, description as SODESCRIPTION', () => {
    const xml = wrap(
      updateItemFunction({ itemId: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz & saucer', basePrice: '27.50', description: 'Glazed "stoneware"', status: 'inactive' }, 'item-upd-1'),
    );
    assert.match(
      xml,
      /<function controlid="item-upd-1"><update><ITEM><ITEMID>TRB-MUG-12OZ<\/ITEMID><NAME>Ceramic mug 12 oz &amp; saucer<\/NAME><STATUS>inactive<\/STATUS><SODESCRIPTION>Glazed &quot;stoneware&quot;<\/SODESCRIPTION><BASEPRICE>27.50<\/BASEPRICE><\/ITEM><\/update><\/function>/,
    );
  });

  it('leaves out fields not given, and sends an emptied description as an empty element', () => {
    assert.match(wrap(updateItemFunction({ itemId: 'TRB-MUG-12OZ', basePrice: '29.00' }, 'u')), /<update><ITEM><ITEMID>TRB-MUG-12OZ<\/ITEMID><BASEPRICE>29.00<\/BASEPRICE><\/ITEM><\/update>/);
    assert.match(wrap(updateItemFunction({ itemId: 'TRB-MUG-12OZ', description: '' }, 'u')), /<ITEM><ITEMID>TRB-MUG-12OZ<\/ITEMID><SODESCRIPTION\/><\/ITEM>/);
  });

  it('polls ITEM by WHENMODIFIED, truncated to the second, 1000 rows a page', () => {
    const xml = wrap(readByQueryFunction(itemsChangedSince(Date.UTC(2026, 10, 25, 23, 59, 59, 500)), 'item-poll-1'));
    assert.match(
      xml,
      /<readByQuery><object>ITEM<\/object><fields>RECORDNO,ITEMID,NAME,STATUS,BASEPRICE,SODESCRIPTION,WHENMODIFIED<\/fields><query>WHENMODIFIED &gt;= &apos;11\/25\/2026 23:59:59&apos;<\/query><pagesize>1000<\/pagesize><\/readByQuery>/,
    );
  });
});
