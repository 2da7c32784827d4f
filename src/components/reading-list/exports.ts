/** What the reading list and the search page hand to the reader: files to download, text to copy. */
import type { ListedPaper } from '../../lib/reading-list-data';

export const bibtexOf = (papers: readonly ListedPaper[]): string => `${papers.map((p) => p.bibtex).join('\n\n')}\n`;

export const cslJsonOf = (papers: readonly ListedPaper[]): string =>
  `${JSON.stringify(
    papers.map((p) => p.csl),
    null,
    2,
  )}\n`;

/** Saves text as a file through a temporary link, as a download button does on any static site. */
export function download(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text; false where the page may not use the clipboard. */
export async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
