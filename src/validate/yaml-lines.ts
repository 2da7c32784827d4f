/** Lines of YAML fields, so a problem with a field names the line an editor opens. */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** Finds the 1-based line of a field path (or of a key in the map at that path), best effort. */
export type LineLocator = (path: readonly PropertyKey[], key?: string) => number | undefined;

/**
 * A locator over YAML text whose lines are the file's (a frontmatter keeps its place). The
 * document is parsed on first use only: most entries have no problem to place.
 */
export function yamlLines(source: string): LineLocator {
  let located: LineLocator | undefined;
  return (path, key) => {
    located ??= locator(source);
    return located(path, key);
  };
}

function locator(source: string): LineLocator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false });
  const lineOf = (node: unknown) => {
    const start = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    return start === undefined ? undefined : lineCounter.linePos(start).line;
  };
  const keyIn = (node: unknown, key: string) =>
    isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  return (path, key) => {
    for (let depth = path.length; depth >= 1; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (node === undefined) continue;
      const pair = depth === path.length && key !== undefined ? keyIn(node, key) : undefined;
      return lineOf(pair ? pair.key : node);
    }
    const pair = key === undefined ? undefined : keyIn(doc.contents, key);
    return pair ? lineOf(pair.key) : undefined;
  };
}
