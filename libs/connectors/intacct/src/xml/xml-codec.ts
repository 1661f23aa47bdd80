import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** Attribute keys in the object form of XML start with this prefix: `{ '@_controlid': 'x' }`. */
export const ATTRIBUTE_PREFIX = '@_';

/** A tree `XMLBuilder` turns into XML; key order is element order, which Intacct enforces. */
export type XmlTree = { [element: string]: XmlTree | XmlTree[] | string | string[] | undefined };

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  // Escapes & < > ' " in text and attributes, so customer text cannot break the envelope.
  processEntities: true,
  suppressEmptyNode: true,
});

export const buildXml = (tree: XmlTree): string => XML_DECLARATION + builder.build(tree);

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Entity processing stays off in the parser so a hostile DOCTYPE cannot expand; the five XML
 * entities and character references are decoded here instead, in one pass so `&amp;lt;` stays `&lt;`.
 */
export const decodeXmlEntities = (text: string): string =>
  text.includes('&')
    ? text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
        if (name.startsWith('#x')) return safeFromCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
        if (name.startsWith('#')) return safeFromCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
        return PREDEFINED_ENTITIES[name] ?? whole;
      })
    : text;

const safeFromCodePoint = (codePoint: number): string | undefined =>
  Number.isInteger(codePoint) && codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;

/** Elements that may repeat, so they always parse as arrays; every child of `<data>` is a record. */
const REPEATING_ELEMENTS = new Set(['result', 'error']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  ignoreDeclaration: true,
  processEntities: false,
  htmlEntities: false,
  // Values stay strings: "0012" is a code, "19.990" an exact amount.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, jpath, _isLeaf, isAttribute) =>
    !isAttribute && (REPEATING_ELEMENTS.has(name) || String(jpath).endsWith(`.data.${name}`)),
  tagValueProcessor: (_name, value) => decodeXmlEntities(value),
  attributeValueProcessor: (_name, value) => decodeXmlEntities(value),
});

/** Parses a reply into plain objects; throws on input that is not XML at all. */
export const parseXml = (xml: string): unknown => parser.parse(xml, true);
