/**
 * One object, start to finish: guard -> check what is already written -> read -> summarize -> write.
 * Returns what happened; throws only for failures worth retrying (S3, network, bugs), so that Lambda's
 * retries and failure destination apply. Bad input becomes an error report, never an exception.
 */
import type { RuntimeConfig } from '../adapters/config';
import type { ResolvedGlossary } from '../adapters/glossary-source';
import type { Log } from '../adapters/observability';
import { isAccessDenied, ObjectTooLargeError, type ObjectStore } from '../adapters/s3-store';
import { BadInputError, isBadInput, type SummarizeOptions, type SummaryDocument } from '../core/index';
import { isObjectCreated, type ObjectRef } from './event-shapes';
import {
  JSON_TYPE,
  MARKDOWN_TYPE,
  META,
  alreadyDone,
  errorReportKey,
  isOwnOutput,
  isStale,
  keyTooLong,
  outputState,
  provenanceMetadata,
  readOutputRecord,
  resultKeys,
  type OutputState,
  type Provenance,
} from './output-layout';

export type SkipReason = 'not-created' | 'own-output' | 'glossary-file' | 'stale' | 'duplicate' | 'gone' | 'key-too-long';

export type Outcome =
  | { status: 'summarized'; ref: ObjectRef; bucket: string; keys: { json: string; md: string }; eTag: string; figures: number; untranslated: number }
  | { status: 'reported'; ref: ObjectRef; bucket: string; key: string; eTag: string | undefined; code: string; message: string }
  | { status: 'skipped'; ref: ObjectRef; reason: SkipReason; detail: string };

/** What the workflow runs with; built once per container by the handler. */
export interface Workspace {
  config: RuntimeConfig;
  store: ObjectStore;
  log: Log;
  summarize: (input: Uint8Array, options: SummarizeOptions) => SummaryDocument;
  /** The glossary for articles of a bucket (resolved once per invocation and bucket). */
  glossaryFor: (bucket: string) => Promise<ResolvedGlossary>;
  /** Warnings already logged by this container, so each is logged once. */
  warned: Set<string>;
}

/** Schema of error reports; `docs/RUNTIME.md` shows one. */
export const ERROR_REPORT_SCHEMA = 1;

/** The error report body: deterministic (no clock, no request id), so a repeat writes the same bytes. */
export function errorReport(source: Provenance & { rawKey?: string }, error: BadInputError): string {
  const report = {
    schemaVersion: ERROR_REPORT_SCHEMA,
    status: 'rejected',
    source: {
      bucket: source.bucket,
      key: source.key,
      // Only for a key that could not be decoded: the key exactly as the event carried it.
      ...(source.rawKey !== undefined ? { rawKey: source.rawKey } : {}),
      eTag: source.eTag || null,
      versionId: source.versionId ?? null,
      sequencer: source.sequencer ?? null,
    },
    error: { code: error.code, name: error.name, message: error.message },
    retry: 'never: fix the file and upload it again under the same key; the new upload is summarized as usual',
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The result document as stored: the SummaryDocument, pretty-printed. Deterministic for the same input. */
export function resultJson(doc: SummaryDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function skip(ref: ObjectRef, reason: SkipReason, detail: string): Outcome {
  return { status: 'skipped', ref, reason, detail };
}

async function readState(ws: Workspace, bucket: string, key: string): Promise<OutputState> {
  // Without read access to its own outputs the handler still writes the right result (it always reads
  // the current article), it only cannot skip duplicates: warn instead of failing every upload.
  const head = (outputKey: string) =>
    ws.store.head(bucket, outputKey).catch((error: unknown) => {
      if (!isAccessDenied(error)) throw error;
      if (!ws.warned.has('output-access')) {
        ws.log.warn('no read access to results or error reports: grant s3:GetObject on them (and s3:ListBucket) to skip duplicate and stale events', { bucket, key: outputKey, error });
      }
      ws.warned.add('output-access');
      return undefined;
    });
  const [result, report] = await Promise.all([head(resultKeys(ws.config, key).json), head(errorReportKey(ws.config, key))]);
  return outputState(readOutputRecord('result', result), readOutputRecord('error-report', report));
}

async function writeReport(ws: Workspace, ref: ObjectRef, bucket: string, source: Provenance, error: BadInputError): Promise<Outcome> {
  const key = errorReportKey(ws.config, ref.key);
  const metadata = provenanceMetadata('error-report', source, { [META.errorCode]: error.code });
  const rawKey = ref.keyError !== undefined ? ref.rawKey : undefined;
  await ws.store.put(bucket, key, errorReport({ ...source, rawKey }, error), { contentType: JSON_TYPE, metadata });
  return { status: 'reported', ref, bucket, key, eTag: source.eTag || undefined, code: error.code, message: error.message };
}

/** Summarizes the object `ref` names, or explains why not. */
export async function summarizeObject(ref: ObjectRef, ws: Workspace): Promise<Outcome> {
  const { config, store } = ws;
  if (!isObjectCreated(ref)) return skip(ref, 'not-created', `${ref.eventName} events are not summarized`);
  if (isOwnOutput(config, ref.key)) return skip(ref, 'own-output', `the key is under ${config.outputPrefix} or ${config.errorPrefix}, where this function writes`);
  if (config.glossaryKey && ref.key === config.glossaryKey) return skip(ref, 'glossary-file', 'the key is the user glossary (GLOSSARY_KEY)');

  const bucket = config.outputBucket ?? ref.bucket;
  const keys = resultKeys(config, ref.key);
  if (keyTooLong(errorReportKey(config, ref.key)) || keyTooLong(keys.json)) {
    return skip(ref, 'key-too-long', 'the key is too long to add the output prefix and suffix within S3\'s 1,024-byte limit');
  }
  const source: Provenance = { bucket: ref.bucket, key: ref.key, eTag: ref.eTag ?? '', versionId: ref.versionId, sequencer: ref.sequencer };
  if (ref.keyError !== undefined) return writeReport(ws, ref, bucket, source, new BadInputError('INVALID_KEY_ENCODING', ref.keyError));

  const [glossary, state] = await Promise.all([ws.glossaryFor(ref.bucket), readState(ws, bucket, ref.key)]);
  if (isStale(state, ref.sequencer)) return skip(ref, 'stale', `an event with sequencer ${state.sequencer} was already handled for this key`);
  if (!ref.force && alreadyDone(state, ref.eTag, ref.versionId, glossary.id)) return skip(ref, 'duplicate', `already handled ETag ${ref.eTag}`);
  // Batch Operations tasks carry no sequencer; keep the one already recorded, a lower bound that stays true.
  source.sequencer ??= state.sequencer;

  let doc: SummaryDocument;
  try {
    // Read the current object, not the event's version: if it changed since, the newer event finds its
    // result already written (same ETag) and stops there.
    const object = await store.get(ref.bucket, ref.key, { maxBytes: config.maxBytes });
    if (object === undefined || object === 'not-modified') return skip(ref, 'gone', 'the object no longer exists');
    source.eTag = object.eTag;
    source.versionId = object.versionId;
    if (!ref.force && alreadyDone(state, object.eTag, object.versionId, glossary.id)) return skip(ref, 'duplicate', `already handled ETag ${object.eTag}`);
    doc = ws.summarize(object.bytes, { glossary: glossary.glossary, source: ref.key });
  } catch (error) {
    // The one place errors are mapped: bad input is reported and not retried; everything else is rethrown.
    if (!isBadInput(error)) throw error;
    if (error instanceof ObjectTooLargeError) {
      source.eTag = error.eTag;
      source.versionId = error.versionId;
    }
    return writeReport(ws, ref, bucket, source, error);
  }

  const metadata = provenanceMetadata('result', source, { [META.glossary]: glossary.id, [META.figures]: String(doc.figures.length) });
  // Markdown first, JSON last: the JSON's metadata is what marks the work done, so it must not exist
  // without its Markdown. If the JSON write fails on a first run, take the Markdown back out.
  await store.put(bucket, keys.md, doc.summary.markdown, { contentType: MARKDOWN_TYPE, metadata });
  try {
    await store.put(bucket, keys.json, resultJson(doc), { contentType: JSON_TYPE, metadata });
  } catch (error) {
    if (!state.result) {
      await store.delete(bucket, keys.md).catch((cleanup: unknown) => {
        ws.log.warn('could not remove the Markdown of an unfinished result; the retry overwrites it', { bucket, key: keys.md, error: cleanup });
      });
    }
    throw error;
  }
  return { status: 'summarized', ref, bucket, keys, eTag: source.eTag, figures: doc.figures.length, untranslated: doc.untranslated.length };
}
