import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed element with its children in document order: Intacct validates order, so we keep it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside the element, trimmed. */
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parser entity expansion stays off (no DOCTYPE tricks); the predefined entities are decoded here. */
const decode = (raw: string): string =>
  raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

type OrderedNode = Record<string, unknown>;

const toElement = (node: OrderedNode): XmlElement | undefined => {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name.startsWith('?') || name.startsWith('!')) return undefined;
  const attributes = Object.fromEntries(
    Object.entries((node[':@'] as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, decode(String(v))]),
  );
  const inner = (node[name] as OrderedNode[] | undefined) ?? [];
  const text = inner
    .filter((child) => '#text' in child)
    .map((child) => decode(String(child['#text'])))
    .join('')
    .trim();
  const children = inner.map(toElement).filter((child): child is XmlElement => child !== undefined);
  return { name, attributes, children, text };
};

/** The root element, or a parse message when the body is not well-formed XML. */
export const readXml = (xml: string): { root: XmlElement } | { error: string } => {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line}, col ${valid.err.col})` };
  const roots = (parser.parse(xml) as OrderedNode[]).map(toElement).filter((e): e is XmlElement => e !== undefined);
  const [root] = roots;
  if (!root || roots.length > 1) return { error: 'The document must have exactly one root element' };
  return { root };
};

export const child = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((c) => c.name === name);

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((c) => c.name === name);

/** Text of a child element; undefined when the child is absent, "" when empty. */
export const childText = (element: XmlElement, name: string): string | undefined => child(element, name)?.text;
