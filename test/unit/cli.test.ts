import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, writeAll } from '../../lambdas/cli/main';
// @ts-expect-error -- a plain ES module script without type declarations
import { buildAll } from '../../scripts/build.mjs';

const root = join(import.meta.dirname, '..', '..');
const sample = join(root, 'test', 'golden', 'cantho-2023-02.txt');
let dir: string;

/** Runs the CLI in process and collects what it writes. */
async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => Buffer.from(stdin),
    isTTY: false,
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'solieu-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x47, 0x69, 0xe1, 0x20, 0x76, 0xe0, 0x6e, 0x67]));
  await (buildAll as (o: { quiet: boolean }) => Promise<void>)({ quiet: true });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('solieu summarize <file>', () => {
  it('prints the English figures as Markdown', async () => {
    const { code, stdout } = await cli(['summarize', sample]);
    expect(code).toBe(0);
    expect(stdout).toContain('# Key figures');
    expect(stdout).toContain('more than 1,100 cases');
    expect(stdout).toContain('nearly 300 cases');
    expect(stdout).toContain('more than 2 kg of synthetic drugs');
  });

  it('prints the SummaryDocument with --format json', async () => {
    const { code, stdout } = await cli(['summarize', sample, '--format', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.figures).toHaveLength(11);
    expect(doc.article).toMatchObject({ dateline: '2023-02', outlet: 'PLO' });
  });

  it('reads stdin with -', async () => {
    const { code, stdout } = await cli(['summarize', '-', '--format', 'json'], 'Thu giữ hơn 2 kg ma túy.');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).figures[0].en).toBe('more than 2 kg of drugs');
  });

  it('merges a user glossary over the built-in one', async () => {
    const glossary = join(dir, 'mine.csv');
    writeFileSync(glossary, 'vi,en\nvụ việc,incident\n');
    const { stdout } = await cli(['summarize', sample, '--glossary', glossary]);
    expect(stdout).toContain('more than 1,100 incidents');
  });

  it('reports a bad user glossary with its file and line', async () => {
    const glossary = join(dir, 'bad.csv');
    writeFileSync(glossary, 'vi,en\nvụ việc,incident\nxe\n');
    const { code, stderr } = await cli(['summarize', sample, '--glossary', glossary]);
    expect(code).toBe(1);
    expect(stderr).toBe('solieu: error: bad.csv:3: expected 2 cells (vi,en), found 1; quote cells that contain commas\n');
  });

  it('rejects usage errors with exit code 2', async () => {
    expect((await cli(['summarize'])).code).toBe(2);
    expect((await cli(['summarize', sample, '--format', 'xml'])).stderr).toContain('--format must be md or json');
    expect((await cli(['translate', sample])).code).toBe(2);
  });
});

describe('solieu summarize <dir>', () => {
  it('writes <name>.json and <name>.md for each article, skips bad files, and exits 1', async () => {
    const input = join(dir, 'in');
    const out = join(dir, 'out');
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), readFileSync(sample));
    writeFileSync(join(input, 'b.txt'), 'Giá vàng tăng 450.000 đồng/lượng.');
    writeFileSync(join(input, 'empty.txt'), '   \n');
    const { code, stderr } = await cli(['summarize', input, '--out', out]);
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['a.txt.json', 'a.txt.md', 'b.txt.json', 'b.txt.md']);
    expect(JSON.parse(readFileSync(join(out, 'b.txt.json'), 'utf8')).figures[0].en).toBe('450,000 VND per tael');
    expect(stderr).toContain(`solieu: skipped ${join(input, 'empty.txt')}: the input is empty or holds only whitespace`);
    expect(stderr).toMatch(/solieu: 2 of 3 articles summarized, \d+ figures, 1 failed, in [\d.]+ s/);
  });
});

describe('solieu glossary', () => {
  it('gaps: lists untranslated terms with counts and an example', async () => {
    const input = join(dir, 'gaps');
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), 'Công an thu giữ 12 chiếc xích đu.\nHọ thu giữ thêm 3 xích đu khác.');
    const { code, stdout } = await cli(['glossary', 'gaps', input]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+2\s+xích đu\s+\(1 article\)/m);
    expect(stdout).toContain('a.txt: Công an thu giữ 12 chiếc xích đu.');
  });

  it('check: validates a glossary file', async () => {
    const glossary = join(dir, 'ok.csv');
    writeFileSync(glossary, 'vi,en\nxích đu,swing\n');
    expect(await cli(['glossary', 'check', glossary])).toMatchObject({ code: 0, stdout: `${glossary}: 1 terms, no errors\n` });
  });
});

describe('bad input through the installed command (bin/solieu.mjs)', () => {
  const bin = join(root, 'bin', 'solieu.mjs');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it.each<[string, RegExp]>([
    ['empty.txt', /^solieu: error: the input is empty or holds only whitespace: upload the article text itself\n$/],
    ['image.png', /^solieu: error: the input is a PNG image, not text \(.*\): upload the article as a UTF-8 or UTF-16 text file\n$/],
    ['latin1.txt', /^solieu: error: the input is not valid UTF-8: .* at byte offset 2; save the file as UTF-8/],
  ])('%s: non-zero exit and one clear line, no stack trace', (name, message) => {
    const res = run('summarize', join(dir, name));
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(message);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('--debug adds the stack', () => {
    const res = run('summarize', join(dir, 'empty.txt'), '--debug');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/\n\s+at /);
  });

  it('prints the English figures of the sample', () => {
    expect(existsSync(join(root, 'dist', 'solieu.mjs'))).toBe(true);
    const res = run('summarize', sample);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('more than 1,100 cases');
  });
});

describe('writing large output', () => {
  it('writes every character, keeping surrogate pairs whole across the million-character pieces', () => {
    // "😀" is a surrogate pair; placed to straddle the first and second piece boundaries.
    const piece = 1 << 20;
    const text = `${'á'.repeat(piece - 1)}😀${'b'.repeat(piece - 2)}😀tail số liệu`;
    const file = join(dir, 'large.out');
    const fd = openSync(file, 'w');
    try {
      writeAll(fd, text);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('ends quietly when the reader goes away (solieu … | head)', () => {
    const bin = join(root, 'bin', 'solieu.mjs');
    const big = join(dir, 'big.txt');
    writeFileSync(big, `${readFileSync(sample, 'utf8')}\n`.repeat(40));
    const res = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${bin}" summarize "${big}" --format json | head -c 100`]);
    expect(res.status).toBe(0);
    expect(res.stdout).toHaveLength(100); // bytes
    expect(res.stdout.toString('utf8')).toMatch(/^\{"schemaVersion":1,/);
    expect(res.stderr.toString('utf8')).toBe('');
  });
});
