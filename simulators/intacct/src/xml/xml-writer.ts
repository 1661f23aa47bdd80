/** Minimal XML writing for replies; every text and attribute value goes through `escape`. */
export const escape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export type Attributes = Record<string, string | number | undefined>;

const attributeText = (attributes: Attributes = {}): string =>
  Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');

/** An element whose content is already XML. */
export const element = (name: string, content: string | string[] = '', attributes?: Attributes): string =>
  `<${name}${attributeText(attributes)}>${Array.isArray(content) ? content.join('') : content}</${name}>`;

/** An element holding escaped text. */
export const leaf = (name: string, text: string | number = ''): string => element(name, escape(String(text)));

export const document = (root: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;
