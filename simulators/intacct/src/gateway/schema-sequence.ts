import type { XmlElement } from '../xml/xml-reader.js';

/** One particle of an xs:sequence: an element name with its occurrence bounds. */
export interface SequenceParticle {
  name: string;
  min: 0 | 1;
  max: 1 | typeof Infinity;
}

export const required = (name: string): SequenceParticle => ({ name, min: 1, max: 1 });
export const optional = (name: string): SequenceParticle => ({ name, min: 0, max: 1 });
export const oneOrMore = (name: string): SequenceParticle => ({ name, min: 1, max: Infinity });

/**
 * Checks an element's children against an xs:sequence the way Intacct's schema validation does:
 * order matters, optional elements may be skipped, nothing unknown is allowed. Returns the
 * libxml-style message on the first violation.
 */
export const checkSequence = (element: XmlElement, sequence: readonly SequenceParticle[]): string | undefined => {
  let index = 0;
  let seen = 0;
  for (const childElement of element.children) {
    while (index < sequence.length && sequence[index]?.name !== childElement.name) {
      const particle = sequence[index];
      if (particle && seen < particle.min) {
        return `Element '${childElement.name}': This element is not expected. Expected is ( ${particle.name} ).`;
      }
      index += 1;
      seen = 0;
    }
    const particle = sequence[index];
    if (!particle) return `Element '${childElement.name}': This element is not expected.`;
    seen += 1;
    if (seen > particle.max) return `Element '${childElement.name}': This element is not expected.`;
  }
  for (; index < sequence.length; index += 1, seen = 0) {
    const particle = sequence[index];
    if (particle && seen < particle.min) {
      return `Element '${element.name}': Missing child element(s). Expected is ( ${particle.name} ).`;
    }
  }
  return undefined;
};

/**
 * Generic objects (CUSTOMER, ARPYMT, …) carry custom fields as extra elements, so only the order of
 * the known elements is checked: each must come after the ones listed before it.
 */
export const checkKnownOrder = (element: XmlElement, order: readonly string[]): string | undefined => {
  let last = -1;
  for (const childElement of element.children) {
    const position = order.indexOf(childElement.name);
    if (position === -1) continue;
    if (position < last) return `Element '${childElement.name}': This element is not expected after '${order[last]}'.`;
    last = position;
  }
  return undefined;
};
