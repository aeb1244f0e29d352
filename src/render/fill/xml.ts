/**
 * Just enough XML to find and edit a workbook's elements in place, as text: the parts are edited
 * where they must change and left byte for byte as they were everywhere else, which a parse and
 * re-serialisation would not do. Elements may carry a namespace prefix (`<x:row>`, as the Open XML
 * SDK writes them); attribute values may be quoted either way.
 */

export interface Tag {
  /** `x:` or ''. */
  prefix: string;
  /** Where `<` is, and just after `>`. */
  start: number;
  end: number;
  attributes: Record<string, string>;
  selfClosing: boolean;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** Every start tag of the element `name` (any prefix) from `from` to `to`, in order. */
export function startTags(xml: string, name: string, from = 0, to = xml.length): Tag[] {
  const pattern = new RegExp(`<([\\w.-]+:)?${name}((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'gu');
  pattern.lastIndex = from;
  const tags: Tag[] = [];
  for (let match = pattern.exec(xml); match !== null && match.index < to; match = pattern.exec(xml)) {
    tags.push({
      prefix: match[1] ?? '',
      start: match.index,
      end: match.index + match[0].length,
      attributes: attributesOf(match[2] ?? ''),
      selfClosing: match[3] === '/',
    });
  }
  return tags;
}

export function firstTag(xml: string, name: string, from = 0, to = xml.length): Tag | undefined {
  return startTags(xml, name, from, to)[0];
}

/** Where the element that `tag` opens ends (just after its end tag); elements of the same name are not nested in the parts edited here. */
export function elementEnd(xml: string, tag: Tag, name: string): number {
  if (tag.selfClosing) return tag.end;
  const close = `</${tag.prefix}${name}>`;
  const at = xml.indexOf(close, tag.end);
  if (at < 0) throw new XmlShapeError(`no ${close}`);
  return at + close.length;
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) attributes[match[1]!] = decodeEntities(match[2] ?? match[3] ?? '');
  return attributes;
}

/** An attribute by its local name, whatever its prefix (`r:id`, `relationships:id`). */
export function attributeByLocalName(tag: Tag, localName: string): string | undefined {
  const key = Object.keys(tag.attributes).find((k) => k === localName || k.endsWith(`:${localName}`));
  return key === undefined ? undefined : tag.attributes[key];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** A start tag with one attribute set (added at the end when new), the others as they were written. */
export function withAttribute(xml: string, tag: Tag, name: string, value: string): string {
  const text = xml.slice(tag.start, tag.end);
  const existing = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`, 'u');
  if (existing.test(text)) return text.replace(existing, `$1"${value}"`);
  return text.replace(/\s*(\/?)>$/u, ` ${name}="${value}"$1>`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The part is not the XML a workbook holds there. */
export class XmlShapeError extends Error {}
