/**
 * The `solieu` command: a thin adapter over the engine.
 *
 *   solieu summarize <file|dir|-> [--format md|json] [--glossary FILE] [--out DIR] [--debug]
 *   solieu glossary gaps <dir> [--top N] [--glossary FILE]
 *   solieu glossary check <file>
 *
 * Errors are one line without a stack trace (`--debug` adds it); the exit code is 1 when any input
 * failed and 2 for a usage error.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinGlossary } from '../data';
import { isBadInput, parseGlossaryCsv, SolieuError, summarize, type Glossary, type SummaryDocument } from '../core';
import { findGaps, formatGaps } from './gaps';

const USAGE = `usage:
  solieu summarize <file|dir|-> [--format md|json] [--glossary FILE] [--out DIR] [--debug]
      A file (or - for stdin) prints its summary to stdout (Markdown unless --format json).
      A directory writes <name>.json and <name>.md for each article into --out (default ./solieu-out).
  solieu glossary gaps <dir> [--top N] [--glossary FILE]
      Lists the most frequent terms with no glossary entry across a folder of articles.
  solieu glossary check <file>
      Checks a glossary CSV (Amazon Translate terminology form: first row vi,en).`;

class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Buffer;
  /** stderr is a terminal: show a progress bar. */
  isTTY: boolean;
  /** stdout is a terminal: indent JSON. */
  stdoutIsTTY: boolean;
}

/**
 * Writes all of a string to a file descriptor, synchronously, in pieces of about a million characters
 * encoded into one reused buffer. EPIPE (`solieu … | head`) ends it quietly.
 */
export function writeAll(fd: number, s: string): void {
  const PIECE = 1 << 20;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
  const buffer = Buffer.allocUnsafe(Math.min(s.length + 1, PIECE + 1) * 3);
  for (let at = 0; at < s.length; at += PIECE) {
    let end = Math.min(at + PIECE, s.length);
    // Keep a surrogate pair whole.
    const last = s.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < s.length) end++;
    const length = buffer.write(s.slice(at, end), 0, 'utf8');
    if (!writeBytes(fd, buffer, length)) return;
    at = end - PIECE;
  }
}

/** Writes buffer[0, length); false when the reader went away. */
function writeBytes(fd: number, buffer: Buffer, length: number): boolean {
  let off = 0;
  while (off < length) {
    try {
      off += writeSync(fd, buffer, off, length - off);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      // A non-blocking pipe may be full for a moment: wait and retry.
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  return true;
}

const defaultIo: Io = {
  stdout: (s) => writeAll(1, s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0),
  isTTY: Boolean(process.stderr.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
};

/** One line for a person: the message, plus the stack with --debug. */
function describe(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  if (debug && error instanceof Error && error.stack) return `${message}\n${error.stack}`;
  return message;
}

function loadGlossary(file: string | undefined): Glossary {
  const builtin = builtinGlossary();
  if (!file) return builtin;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new SolieuError('GLOSSARY_UNREADABLE', `cannot read glossary ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
  return builtin.merge(parseGlossaryCsv(text, basename(file)));
}

/** Article files of a directory: regular files, hidden ones and our own outputs skipped, sorted. */
function articleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !/\.(json|md)$/i.test(e.name))
    .map((e) => e.name)
    .sort();
}

function progressBar(done: number, total: number, failed: number): string {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${failed ? ` (${failed} failed)` : ''}`;
}

/** JSON is indented for a person at a terminal, compact when piped or written to a file. */
function render(doc: SummaryDocument, format: string, pretty: boolean): string {
  return format === 'json' ? `${JSON.stringify(doc, null, pretty ? 2 : undefined)}\n` : doc.summary.markdown;
}

function summarizeCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'md' },
      glossary: { type: 'string' },
      out: { type: 'string' },
      debug: { type: 'boolean', default: false },
    },
  });
  const format = values.format!;
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not "${format}"`);
  if (positionals.length !== 1) throw new UsageError('summarize takes one file, directory or -');
  const target = positionals[0]!;
  const glossary = loadGlossary(values.glossary);
  if (target === '-') {
    io.stdout(render(summarize(io.readStdin(), { glossary, source: 'stdin' }), format, io.stdoutIsTTY));
    return 0;
  }
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new SolieuError('NOT_FOUND', `${target}: no such file or directory`);
  }
  if (!stat.isDirectory()) {
    io.stdout(render(summarize(readFileSync(target), { glossary, source: basename(target) }), format, io.stdoutIsTTY));
    return 0;
  }
  const outDir = values.out ?? 'solieu-out';
  mkdirSync(outDir, { recursive: true });
  const files = articleFiles(target);
  let failed = 0;
  let figures = 0;
  const started = Date.now();
  files.forEach((name, index) => {
    try {
      const doc = summarize(readFileSync(join(target, name)), { glossary, source: name });
      writeFileSync(join(outDir, `${name}.json`), render(doc, 'json', true));
      writeFileSync(join(outDir, `${name}.md`), doc.summary.markdown);
      figures += doc.figures.length;
    } catch (error) {
      if (!isBadInput(error) && !(error instanceof SolieuError)) throw error;
      failed++;
      io.stderr(`${io.isTTY ? '\r\x1b[K' : ''}solieu: skipped ${join(target, name)}: ${describe(error, values.debug!)}\n`);
    }
    if (io.isTTY) io.stderr(progressBar(index + 1, files.length, failed));
  });
  if (io.isTTY) io.stderr('\n');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stderr(`solieu: ${files.length - failed} of ${files.length} articles summarized, ${figures} figures, ${failed} failed, in ${seconds} s -> ${outDir}\n`);
  return failed > 0 ? 1 : 0;
}

function glossaryCommand(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { top: { type: 'string', default: '50' }, glossary: { type: 'string' }, debug: { type: 'boolean', default: false } },
  });
  if (sub === 'gaps') {
    if (positionals.length !== 1) throw new UsageError('glossary gaps takes one directory');
    const dir = positionals[0]!;
    const glossary = loadGlossary(values.glossary);
    const top = Number(values.top);
    if (!Number.isInteger(top) || top <= 0) throw new UsageError('--top must be a positive whole number');
    const texts = articleFiles(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
    const report = findGaps(texts, glossary);
    io.stdout(formatGaps(report, top));
    for (const f of report.failed) io.stderr(`solieu: skipped ${join(dir, f.name)}: ${f.message}\n`);
    return report.failed.length > 0 ? 1 : 0;
  }
  if (sub === 'check') {
    if (positionals.length !== 1) throw new UsageError('glossary check takes one file');
    const file = positionals[0]!;
    const entries = parseGlossaryCsv(readFileSync(file, 'utf8'), basename(file));
    io.stdout(`${file}: ${entries.length} terms, no errors\n`);
    return 0;
  }
  throw new UsageError(`unknown glossary command "${sub ?? ''}"`);
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...args] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    if (command === 'summarize') return summarizeCommand(args, io);
    if (command === 'glossary') return glossaryCommand(args, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`solieu: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`solieu: error: ${describe(error, debug)}\n`);
    return 1;
  }
}
