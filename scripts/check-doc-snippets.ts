/**
 * @module `npm run check:doc-snippets`: compiles every TypeScript block of README.md and docs/ against the built package.
 *
 * Each ```ts block becomes a module that imports `passrotate`, `passrotate/hash`, … as a user would
 * (through package.json's exports, so `npm run build` first), compiled strict with
 * `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`, once under `moduleResolution: nodenext`
 * and once under `bundler`. A block names what it leaves out in an HTML comment right above it,
 * invisible on the rendered page:
 *
 *   <!-- snippet: import type { CredentialStore } from 'passrotate'; declare const store: CredentialStore; -->
 *   <!-- snippet: body -->   the block is a function body (it may `return`); its imports stay on top
 *   <!-- snippet: skip -->   not compiled (say why in the same comment)
 *
 * Errors print as `docs/file.md:LINE: [nodenext] TS2339: message`; the exit code is 1 when any.
 * Usage: `npm run check:doc-snippets [-- docs/one.md …]`.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Snippet {
  readonly file: string;
  /** 1-based line of the block's first code line in the Markdown file. */
  readonly line: number;
  readonly code: string;
  readonly declarations: readonly string[];
  readonly skip: boolean;
  readonly body: boolean;
}

/** README.md and every Markdown file under docs/ (except the generated API reference), or the given files. */
function markdownFiles(args: readonly string[]): string[] {
  if (args.length > 0) return args.map((a) => relative(root, resolve(process.cwd(), a)));
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return path === 'docs/api' ? [] : walk(path);
      return entry.name.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...walk('docs')];
}

/** The ```ts / ```typescript blocks of one Markdown file, with the `<!-- snippet: … -->` comments above each. */
function snippetsOf(file: string): Snippet[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const declarations: string[] = [];
    let skip = false;
    let body = false;
    for (let j = i - 1; j >= 0 && /^\s*<!--\s*snippet:/.test(lines[j] ?? ''); j--) {
      const text = (lines[j] ?? '').replace(/^\s*<!--\s*snippet:\s*/, '').replace(/\s*-->\s*$/, '');
      if (/^skip\b/.test(text)) skip = true;
      else if (/^body\b/.test(text)) body = true;
      else declarations.unshift(text);
    }
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end++;
    snippets.push({
      file,
      line: start + 1,
      code: lines.slice(start, end).join('\n'),
      declarations,
      skip,
      body,
    });
    i = end;
  }
  return snippets;
}

/** A scratch project whose node_modules holds this checkout as `passrotate` beside the repo's own packages. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passrotate-snippets-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'passrotate'), 'dir');
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (!name.startsWith('.'))
      symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  return dir;
}

const settings: Record<string, ts.CompilerOptions> = {
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

function main(): number {
  try {
    readFileSync(join(root, 'dist', 'index.d.ts'));
  } catch {
    process.stderr.write('check-doc-snippets: dist/ is missing: run `npm run build` first\n');
    return 2;
  }
  const snippets = markdownFiles(process.argv.slice(2)).flatMap(snippetsOf);
  const checked = snippets.filter((s) => !s.skip);
  const dir = scratchProject();
  const where = new Map<string, { snippet: Snippet; offset: number }>();
  const files = checked.map((snippet, n) => {
    const name = join(dir, `snippet-${n}.ts`);
    // Declarations first, on as many lines as they take; `export {}` makes every block a module. A
    // body's import lines move up (left blank in place, so line numbers still map) above the wrapper.
    const code = snippet.code.split('\n');
    const imports: string[] = [];
    if (snippet.body) {
      for (let i = 0, inImport = false; i < code.length; i++) {
        if (inImport || /^import\s/.test(code[i] ?? '')) {
          imports.push(code[i] ?? '');
          inImport = !/\bfrom\s+['"][^'"]+['"];?\s*$|^import\s+['"]/.test(code[i] ?? '');
          code[i] = '';
        }
      }
    }
    const wrapper = snippet.body ? ['export async function snippet(): Promise<unknown> {'] : [];
    const preamble = [...imports, ...snippet.declarations, 'export {};', ...wrapper];
    writeFileSync(name, `${[...preamble, ...code, ...(snippet.body ? ['}'] : [])].join('\n')}\n`);
    where.set(name, { snippet, offset: preamble.length });
    return name;
  });
  const errors = new Map<string, string[]>();
  try {
    for (const [label, resolution] of Object.entries(settings)) {
      const program = ts.createProgram(files, {
        ...resolution,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        types: ['node'],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: true,
        // Snippets may leave values unused; they must not be wrong.
        noUnusedLocals: false,
      });
      for (const d of ts.getPreEmitDiagnostics(program)) {
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
        const origin = d.file ? where.get(d.file.fileName) : undefined;
        let at = '(no file)';
        if (d.file !== undefined && origin !== undefined) {
          const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
          at =
            line < origin.offset
              ? `${origin.snippet.file}:${origin.snippet.line - 2} (the snippet comments above the block)`
              : `${origin.snippet.file}:${origin.snippet.line + line - origin.offset}`;
        }
        const key = `${at}: TS${d.code}: ${message}`;
        errors.set(key, [...(errors.get(key) ?? []), label]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [key, labels] of errors) {
    const [at, rest] = [key.slice(0, key.indexOf(': TS')), key.slice(key.indexOf(': TS') + 2)];
    process.stderr.write(`${at}: [${labels.join(', ')}] ${rest}\n`);
  }
  const skipped = snippets.length - checked.length;
  process.stdout.write(
    `check-doc-snippets: ${checked.length} TypeScript blocks compiled under nodenext and bundler` +
      `${skipped > 0 ? ` (${skipped} marked skip)` : ''}: ${errors.size === 0 ? 'all good' : `${errors.size} error(s)`}\n`,
  );
  return errors.size === 0 ? 0 : 1;
}

process.exitCode = main();
