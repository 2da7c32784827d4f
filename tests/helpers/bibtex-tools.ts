/**
 * Runs the real BibTeX tools over a `.bib` file: Debian's `bibtex` (texlive, 8-bit, the `plain`
 * style) and `biber` in tool mode with its data model checks. `.ci/run` installs both.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `${command} could not run (${result.error.message}): install Debian's biber and texlive-binaries, as .ci/run does`,
    );
  }
  return result;
}

/** Every warning or error BibTeX and biber report for the file; empty when both read it cleanly. */
export function bibtexToolProblems(file: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bib-'));
  try {
    copyFileSync(file, join(dir, 'refs.bib'));
    writeFileSync(join(dir, 'refs.aux'), '\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n');
    const problems: string[] = [];
    const bibtex = run('bibtex', ['-terse', 'refs'], dir);
    const log = readFileSync(join(dir, 'refs.blg'), 'utf8');
    if (bibtex.status !== 0) problems.push(`bibtex exited with ${bibtex.status}: ${bibtex.stdout}`);
    problems.push(
      ...log
        .split('\n')
        .filter((l) => /^Warning--|error message/.test(l))
        .map((l) => `bibtex: ${l}`),
    );
    const biber = run('biber', ['--tool', '--validate-datamodel', '--output-directory', dir, 'refs.bib'], dir);
    if (biber.status !== 0) problems.push(`biber exited with ${biber.status}: ${biber.stderr}`);
    problems.push(
      ...`${biber.stdout}\n${biber.stderr}`
        .split('\n')
        .filter((l) => /^(WARN|ERROR)/.test(l))
        .map((l) => `biber: ${l}`),
    );
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
