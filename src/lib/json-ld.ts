/**
 * Serialises schema.org data for a `<script type="application/ld+json">` element. This is the one
 * place where content data is emitted as raw HTML, so it escapes everything that could end the
 * element or start markup: `<`, `>` and `&` become JSON `\u` escapes, which parse back to the
 * same string (https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements).
 */

/** A JSON value, as `JSON.stringify` writes it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

const UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON text that is safe inside a script element and parses back to `data`. */
export function serializeJsonLd(data: JsonValue | object): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c] ?? c);
}
