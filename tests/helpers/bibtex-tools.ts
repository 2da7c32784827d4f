/**
 * Runs the real BibTeX tools over a `.bib` file: Debian's `bibtex` (texlive, 8-bit, the `plain`
 * style) and `biber` in tool mode with its data model checks. `.ci/run` installs both.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run {
  status: number;
  output: string;
}

/** A command's exit status and output; a command that cannot start fails with how to install it. */
function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        const hint = "install Debian's biber and texlive-binaries, as .ci/run does";
        reject(new Error(`${command} could not run (${error.message}): ${hint}`));
      } else resolve({ status: error ? Number(error.code) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Every warning or error BibTeX and biber report for the file; empty when both read it cleanly. */
export async function bibtexToolProblems(file: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bib-'));
  try {
    copyFileSync(file, join(dir, 'refs.bib'));
    writeFileSync(join(dir, 'refs.aux'), '\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n');
    const problems: string[] = [];
    const bibtex = await run('bibtex', ['-terse', 'refs'], dir);
    if (bibtex.status !== 0) problems.push(`bibtex exited with ${bibtex.status}: ${bibtex.output.trim()}`);
    const log = readFileSync(join(dir, 'refs.blg'), 'utf8');
    problems.push(
      ...log
        .split('\n')
        .filter((l) => /^Warning--|error message/.test(l))
        .map((l) => `bibtex: ${l}`),
    );
    const biber = await run('biber', ['--tool', '--validate-datamodel', '--output-directory', dir, 'refs.bib'], dir);
    if (biber.status !== 0) problems.push(`biber exited with ${biber.status}`);
    problems.push(
      ...biber.output
        .split('\n')
        .filter((l) => /^(WARN|ERROR)/.test(l))
        .map((l) => `biber: ${l}`),
    );
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
