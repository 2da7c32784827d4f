/**
 * The site's Content-Security-Policy. Astro writes a `<meta http-equiv>` policy into each page
 * with the hashes of that page's inline scripts and styles (`security.csp` in astro.config.mjs);
 * the build then merges those into one policy for the `_headers` file that Netlify and Cloudflare
 * Pages send as a real header (https://docs.netlify.com/routing/headers/,
 * https://developers.cloudflare.com/pages/configuration/headers/).
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

/** Directives every page gets besides `script-src` and `style-src`, which Astro computes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
] as const;

/**
 * Sources for `script-src`: our own files plus the hashes Astro adds. Pagefind compiles its
 * WebAssembly search core in the browser, which needs `'wasm-unsafe-eval'` (not `'unsafe-eval'`).
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Sources for `style-src`: our own stylesheets plus the hashes Astro adds for inline `<style>` elements. */
export const STYLE_SOURCES = ["'self'"] as const;

/**
 * Sources for `style-src-attr`. KaTeX's HTML output positions every glyph with a `style`
 * attribute (hundreds of distinct values on one digest: too many to hash), so attributes,
 * and only attributes, may be inline. A style attribute cannot run script, and `img-src` and
 * `font-src` keep it from loading anything from elsewhere.
 */
export const STYLE_ATTRIBUTE_SOURCES = ["'unsafe-inline'"] as const;

/** Directives that only work in a response header, not in a `<meta>` policy. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** A parsed policy: directive name to its sources, in the order written. */
export type Policy = Map<string, string[]>;

/** Parses a serialized policy (`name source source; name ...`). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    // A repeated directive is ignored by browsers: the first one wins.
    if (!policy.has(key)) policy.set(key, sources);
  }
  return policy;
}

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);

/**
 * One policy that allows what each page's policy allows: the union of their sources, directive
 * by directive. Keywords keep their first-seen order; hashes are sorted, so the result does not
 * depend on the order pages were read in. `extra` directives (header-only ones) are appended.
 */
export function mergePolicies(policies: readonly string[], extra: readonly string[] = []): string {
  const merged: Policy = new Map();
  for (const text of [...policies, ...extra]) {
    for (const [name, sources] of parsePolicy(text)) {
      const into = merged.get(name) ?? [];
      for (const source of sources) if (!into.includes(source)) into.push(source);
      merged.set(name, into);
    }
  }
  for (const [name, sources] of merged) {
    merged.set(name, [...sources.filter((s) => !isHash(s)), ...sources.filter(isHash).sort()]);
  }
  return serializePolicy(merged);
}

/** One rule of a `_headers` file: a path pattern and the headers sent for it. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** Writes rules in the `_headers` format Netlify and Cloudflare Pages share. */
export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  return rules
    .map((rule) => [rule.path, ...Object.entries(rule.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
    .join('\n\n')
    .concat('\n');
}

/** Reads a `_headers` file back into rules (comments and blank lines skipped). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is not "Name: value" under a path`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/**
 * Whether a `_headers` path pattern matches a request path. `*` (a splat) matches any run of
 * characters; `:name` placeholders match one segment.
 */
export function headerPathMatches(pattern: string, pathname: string): boolean {
  const regex = pattern
    .split('*')
    .map((part) =>
      part
        .split(/(:[A-Za-z]\w*)/)
        .map((piece) => (piece.startsWith(':') ? '[^/]+' : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join(''),
    )
    .join('.*');
  return new RegExp(`^${regex}$`).test(pathname);
}

/** Every header the `_headers` rules send for a request path; later rules add to earlier ones. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (headerPathMatches(rule.path, pathname)) Object.assign(out, rule.headers);
  return out;
}

/**
 * The `content` of the page's `<meta http-equiv="content-security-policy">`. The policy must come
 * before anything it governs, so only the head is read; a streaming tokenizer with no DOM keeps
 * this cheap when a conference has tens of thousands of pages.
 */
export function headPolicy(html: string): string | undefined {
  const end = html.search(/<\/head\s*>/i);
  let policy: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (
        policy === undefined &&
        name === 'meta' &&
        /^content-security-policy$/i.test(attributes['http-equiv'] ?? '')
      ) {
        policy = attributes['content'];
      }
    },
  });
  parser.end(end >= 0 ? html.slice(0, end) : html);
  return policy;
}

/** A CSP hash source for a script's or style element's text, as browsers compute it. */
export const sha256Source = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Script types a browser runs; others (`application/ld+json`) are data, which `script-src` does not govern. */
const RUNNABLE = /^(|module|text\/javascript|application\/javascript)$/i;

/** The texts of a page's inline scripts and `<style>` elements: what its policy must allow by hash. */
export function inlineSources(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  let current: { into: string[]; text: string } | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script' && attributes['src'] === undefined && RUNNABLE.test(attributes['type'] ?? '')) {
        current = { into: scripts, text: '' };
      } else if (name === 'style') {
        current = { into: styles, text: '' };
      }
    },
    ontext(text) {
      if (current) current.text += text;
    },
    onclosetag(name) {
      if (current && (name === 'script' || name === 'style')) {
        current.into.push(current.text);
        current = undefined;
      }
    },
  });
  parser.end(html);
  return { scripts, styles };
}

/**
 * A page's policy with exactly the hashes its own inline scripts and style elements need: Astro
 * lists the hashes of every script it knows of on every page, most for scripts that page lacks.
 */
export function exactPolicy(policy: string, inline: { scripts: string[]; styles: string[] }): string {
  const parsed = parsePolicy(policy);
  const withHashes = (name: string, texts: string[]) => {
    const sources = parsed.get(name);
    if (!sources) return;
    const hashes = [...new Set(texts.map(sha256Source))].sort();
    parsed.set(name, [...sources.filter((s) => !isHash(s)), ...hashes]);
  };
  withHashes('script-src', inline.scripts);
  withHashes('style-src-elem', inline.styles);
  return serializePolicy(parsed);
}
