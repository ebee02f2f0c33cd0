/**
 * `npm start`: the whole pipeline on this machine. Starts an S3-compatible server in this process,
 * uploads the sample article (or the files given), lets the Lambda handler summarize them, and prints
 * the English summaries and the result keys. `--serve` keeps it running for any S3 client.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync, realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Log, LogFields } from '../adapters/observability';
import { CountingMeter } from '../adapters/observability';
import type { Outcome } from '../handlers/s3-summarize';
import { errorReportKey, resultKeys } from '../handlers/output-layout';
import type { SummaryDocument } from '../core/index';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalLoop, type LocalLoop } from './loop';
import sampleText from './sample/cantho-2023-02.txt';

const SAMPLE_NAME = 'cantho-2023-02.txt';

const HELP = `Usage: npm start -- [options] [FILE ...]

Runs the S3 pipeline locally: an S3-compatible server in this process, the Lambda handler wired to
its upload events. Uploads each FILE (default: the sample article) to incoming/, waits for the
results and prints the English summary and the result keys.

Options:
  --serve        keep running: print the endpoint and an example upload command, summarize every upload
  --data DIR     keep the server's data in DIR (default: a temporary folder, removed on exit)
  --port N       listen on port N (default: a free port)
  --json         print the result documents as JSON on stdout (progress goes to stderr)
  --verbose      print the handler's structured logs on stderr
  --timeout SEC  stop waiting for results after SEC seconds (default 120)
  -h, --help     show this help
`;

/** Logs for a person: warnings and errors on stderr, everything as JSON lines with --verbose. */
function consoleLog(verbose: boolean): Log {
  const line = (level: string, message: string, fields?: LogFields): void => {
    if (verbose) {
      process.stderr.write(`${JSON.stringify({ level, message, ...fields }, (_k, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : v))}\n`);
    } else if (level === 'WARN' || level === 'ERROR') {
      const err = fields?.error instanceof Error ? ` (${fields.error.name}: ${fields.error.message})` : '';
      const where = fields?.key ? ` [${String(fields.key)}]` : '';
      process.stderr.write(`${level.toLowerCase()}: ${message}${where}${err}\n`);
    }
  };
  return {
    debug: (m, f) => (verbose ? line('DEBUG', m, f) : undefined),
    info: (m, f) => line('INFO', m, f),
    warn: (m, f) => line('WARN', m, f),
    error: (m, f) => line('ERROR', m, f),
  };
}

async function readText(loop: LocalLoop, key: string): Promise<string | undefined> {
  try {
    const res = await loop.client.send(new GetObjectCommand({ Bucket: loop.bucket, Key: key }));
    return await res.Body?.transformToString('utf-8');
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** The summary a person reads: the engine's Markdown, or its figures when the Markdown is empty. */
function summaryText(doc: SummaryDocument, markdown: string | undefined): string {
  if (markdown && markdown.trim()) return markdown.trimEnd();
  if (doc.figures.length > 0) return doc.figures.map((f) => `- ${f.en}`).join('\n');
  return '(the engine found no figures in this article)';
}

const uri = (loop: LocalLoop, key: string): string => `s3://${loop.bucket}/${key}`;

/** Prints what became of one uploaded key; returns false when it was not summarized. */
async function printResult(loop: LocalLoop, key: string, json: boolean): Promise<boolean> {
  const keys = resultKeys(loop.config, key);
  const docText = await readText(loop, keys.json);
  if (docText !== undefined) {
    const doc = JSON.parse(docText) as SummaryDocument;
    if (json) {
      process.stdout.write(`${JSON.stringify({ key, result: uri(loop, keys.json), markdown: uri(loop, keys.md), document: doc })}\n`);
      return true;
    }
    const markdown = await readText(loop, keys.md);
    const n = doc.figures.length;
    process.stdout.write(`\n== ${key}: ${n} figure${n === 1 ? '' : 's'} ==\n\n${summaryText(doc, markdown)}\n\nResult keys:\n  ${uri(loop, keys.json)}\n  ${uri(loop, keys.md)}\n`);
    return true;
  }
  const reportKey = errorReportKey(loop.config, key);
  const report = await readText(loop, reportKey);
  if (report !== undefined) {
    const parsed = JSON.parse(report) as { error?: { code?: string; message?: string } };
    if (json) process.stdout.write(`${JSON.stringify({ key, errorReport: uri(loop, reportKey), report: parsed })}\n`);
    else process.stdout.write(`\n== ${key}: rejected (${parsed.error?.code}) ==\n\n${parsed.error?.message}\n\nError report:\n  ${uri(loop, reportKey)}\n`);
    return false;
  }
  process.stderr.write(`no result for ${key}: the handler failed; run again with --verbose to see why\n`);
  return false;
}

function describeOutcome(loop: LocalLoop, outcome: Outcome): string {
  switch (outcome.status) {
    case 'summarized':
      return `summarized ${outcome.ref.key} -> ${uri(loop, outcome.keys.json)} (${outcome.figures} figures)`;
    case 'reported':
      return `rejected ${outcome.ref.key} (${outcome.code}) -> ${uri(loop, outcome.key)}`;
    case 'skipped':
      return `skipped ${outcome.ref.key}: ${outcome.reason}`;
  }
}

function shellQuote(text: string): string {
  return /^[\w./:=@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Ends `--serve`; by default Ctrl-C or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
}

/** Runs the local loop with command-line arguments; returns the exit code. */
export async function main(argv: string[], options: { stop?: Promise<void> } = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        serve: { type: 'boolean' },
        data: { type: 'string' },
        port: { type: 'string' },
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !(timeout > 0)) {
    process.stderr.write(`--port takes a port number and --timeout a number of seconds\n\n${HELP}`);
    return 2;
  }
  const uploads: Array<{ key: string; body: string | Uint8Array }> = [];
  try {
    for (const file of positionals) uploads.push({ key: `incoming/${basename(file)}`, body: readFileSync(resolve(file)) });
  } catch (error) {
    process.stderr.write(`cannot read ${(error as NodeJS.ErrnoException).path ?? 'a file'}: ${(error as Error).message}\n`);
    return 2;
  }
  if (uploads.length === 0 && !values.serve) uploads.push({ key: `incoming/${SAMPLE_NAME}`, body: sampleText });

  // The pinned SDK warns on Node < 22 that later SDK releases will need Node 22; Lambda runs Node 24.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const meter = new CountingMeter();
  const log = consoleLog(!!values.verbose);
  const serve = !!values.serve;
  const loop = await startLocalLoop({
    dataDir: values.data === undefined ? undefined : resolve(values.data),
    port,
    log,
    meter,
    onOutcome: serve ? (outcome) => process.stdout.write(`${describeOutcome(loop, outcome)}\n`) : undefined,
    onFailure: (event, error) =>
      process.stderr.write(`error: ${event.Records[0]?.s3.object.key ?? 'an event'} failed after retries: ${(error as Error).message ?? String(error)}\n`),
  });
  const { prefix, suffix } = loop.trigger;
  process.stderr.write(`solieu: local S3 server at ${loop.endpoint} (bucket ${loop.bucket}, data in ${loop.dataDir})\n`);

  for (const upload of uploads) {
    await loop.upload(upload.key, upload.body);
    const triggers = upload.key.startsWith(prefix) && upload.key.endsWith(suffix);
    process.stderr.write(`uploaded ${uri(loop, upload.key)}${triggers ? '' : ` (not summarized: the trigger is ${prefix}*${suffix})`}\n`);
  }

  if (serve) {
    const env = `AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} AWS_REGION=${LOCAL_REGION}`;
    const example = `${prefix}article.txt`;
    process.stdout.write(
      [
        `S3 endpoint: ${loop.endpoint}`,
        `Bucket: ${loop.bucket} (uploads to ${prefix}*${suffix} are summarized into ${loop.config.outputPrefix}; rejects go to ${loop.config.errorPrefix})`,
        '',
        'Upload an article with any S3 client, for example:',
        `  ${env} aws s3 cp article.txt ${shellQuote(uri(loop, example))} --endpoint-url ${loop.endpoint}`,
        'Read its summary:',
        `  ${env} aws s3 cp ${shellQuote(uri(loop, resultKeys(loop.config, example).md))} - --endpoint-url ${loop.endpoint}`,
        '',
        'Watching for uploads; Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await (options.stop ?? untilSignal());
    process.stderr.write('stopping\n');
    await loop.close();
    return 0;
  }

  const timer = new Promise<'timeout'>((resolveTimeout) => setTimeout(() => resolveTimeout('timeout'), timeout * 1000).unref());
  if ((await Promise.race([loop.idle(), timer])) === 'timeout') {
    process.stderr.write(`gave up waiting for results after ${timeout} s\n`);
    await loop.close().catch(() => undefined);
    return 1;
  }
  let ok = true;
  for (const upload of uploads) {
    if (upload.key.startsWith(prefix) && upload.key.endsWith(suffix)) ok = (await printResult(loop, upload.key, !!values.json)) && ok;
  }
  await loop.close();
  return ok && loop.stats.failures === 0 ? 0 : 1;
}

// Run when executed (dist/local.mjs, or tsx lambdas/local/main.ts), not when imported by tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`solieu local: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
