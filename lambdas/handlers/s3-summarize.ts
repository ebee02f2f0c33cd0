/**
 * The Lambda function: an S3 upload in, an English summary (JSON + Markdown) out, beside it in the bucket.
 *
 * `createHandler(deps)` builds the handler from its dependencies; `handler` is the deployed one, whose
 * dependencies (config from the environment, S3 client, Powertools logger and metrics, built-in glossary)
 * are created on the first invocation, never at import. Accepts S3 notifications, SQS messages carrying
 * them, and S3 Batch Operations invocations (schema 1.0 and 2.0).
 */
import type { Context, SQSEvent } from 'aws-lambda';
import { loadConfig, type RuntimeConfig } from '../adapters/config';
import { GlossarySource, type GlossaryProblem, type ResolvedGlossary } from '../adapters/glossary-source';
import { compareSequencers } from '../adapters/s3-event-key';
import { createPowertoolsLog, createPowertoolsMeter, type Log, type LogFields, type Meter } from '../adapters/observability';
import { createS3Client, S3ObjectStore, type ObjectStore } from '../adapters/s3-store';
import { BadInputError, isBadInput, summarize, type Glossary, type SummarizeOptions, type SummaryDocument } from '../core/index';
import { builtinGlossary } from '../data/index';
import {
  isBatchEvent,
  isS3Notification,
  isS3TestEvent,
  isSqsEvent,
  notificationOfSqsRecord,
  refFromBatchTask,
  refFromS3Record,
  type BatchEvent,
  type BatchResponse,
  type ObjectRef,
  type SqsBatchResponse,
} from './event-shapes';
import { JSON_TYPE, META, errorReportKey, provenanceMetadata } from './output-layout';
import { errorReport, summarizeObject, type Outcome, type Workspace } from './summarize-object';

export type { Outcome } from './summarize-object';

/** Everything the handler needs from outside. Tests and the local loop pass their own. */
export interface HandlerDeps {
  config: RuntimeConfig;
  store: ObjectStore;
  log: Log;
  meter: Meter;
  /** The built-in glossary (default: lambdas/data). */
  builtinGlossary?: () => Glossary;
  /** The engine (default: lambdas/core summarize). */
  summarize?: (input: Uint8Array, options: SummarizeOptions) => SummaryDocument;
  /** Objects summarized at once within one invocation (default 4); events on one key always run in order. */
  concurrency?: number;
  /** Called with every outcome, after it is logged; the local loop prints from it. */
  onOutcome?: (outcome: Outcome) => void;
}

export type HandlerResult = void | SqsBatchResponse | BatchResponse;
export type Handler = (event: unknown, context?: Context) => Promise<HandlerResult>;

/** One ref's fate: an outcome, or the error to retry it for. */
type Settled = { outcome: Outcome; error?: undefined } | { outcome?: undefined; error: unknown };

/** Runs `work` over items, at most `limit` at a time, keeping order of results. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

function logFields(ref: ObjectRef): LogFields {
  return { bucket: ref.bucket, key: ref.key, etag: ref.eTag, versionId: ref.versionId, sequencer: ref.sequencer };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Builds a handler from its dependencies; a function is called on the first invocation. */
export function createHandler(deps: HandlerDeps | (() => HandlerDeps)): Handler {
  let ready: { deps: HandlerDeps; glossaries: GlossarySource; warned: Set<string> } | undefined;

  const prepare = () => {
    const resolved = typeof deps === 'function' ? deps() : deps;
    const glossaries = new GlossarySource(resolved.store, resolved.builtinGlossary ?? builtinGlossary, {
      key: resolved.config.glossaryKey,
      maxBytes: resolved.config.maxBytes,
    });
    return { deps: resolved, glossaries, warned: new Set<string>() };
  };

  return async function handle(event: unknown, context?: Context): Promise<HandlerResult> {
    ready ??= prepare();
    const { deps: d, glossaries, warned } = ready;
    const { config, store, log, meter } = d;
    log.setContext?.(context);

    // The user glossary is checked once per invocation and bucket.
    const perBucket = new Map<string, Promise<ResolvedGlossary>>();
    const reportGlossaryProblem = async (problem: GlossaryProblem): Promise<void> => {
      const fields = { bucket: problem.bucket, key: problem.key, etag: problem.eTag, error: problem.error };
      if (problem.eTag === undefined) return log.warn('user glossary not found; using the built-in glossary', fields);
      log.error('user glossary rejected; using the last good glossary', fields);
      meter.count('BadInput', 1);
      const error = isBadInput(problem.error) ? problem.error : new BadInputError('BAD_GLOSSARY', describeError(problem.error));
      const source = { bucket: problem.bucket, key: problem.key, eTag: problem.eTag, versionId: undefined, sequencer: undefined };
      const bucket = config.outputBucket ?? problem.bucket;
      await store.put(bucket, errorReportKey(config, problem.key), errorReport(source, error), {
        contentType: JSON_TYPE,
        metadata: provenanceMetadata('error-report', source, { [META.errorCode]: error.code }),
      });
    };
    const ws: Workspace = {
      config,
      store,
      log,
      summarize: d.summarize ?? summarize,
      warned,
      glossaryFor: (bucket) => {
        let p = perBucket.get(bucket);
        if (!p) perBucket.set(bucket, (p = glossaries.resolve(bucket, reportGlossaryProblem)));
        return p;
      },
    };

    const record = (outcome: Outcome): void => {
      const fields = logFields(outcome.ref);
      switch (outcome.status) {
        case 'summarized':
          meter.count('ArticlesProcessed', 1);
          meter.count('FiguresFound', outcome.figures);
          meter.count('UntranslatedTerms', outcome.untranslated);
          log.info('summarized', { ...fields, etag: outcome.eTag, outputBucket: outcome.bucket, result: outcome.keys.json, figures: outcome.figures, untranslated: outcome.untranslated });
          break;
        case 'reported':
          meter.count('BadInput', 1);
          log.warn('bad input: wrote an error report', { ...fields, etag: outcome.eTag ?? fields.etag, outputBucket: outcome.bucket, report: outcome.key, code: outcome.code, reason: outcome.message });
          break;
        case 'skipped':
          if (outcome.reason === 'key-too-long') {
            // Nowhere to write a report for it: count it as bad input and say so in the log.
            meter.count('BadInput', 1);
            log.warn(`skipped: ${outcome.reason}`, { ...fields, reason: outcome.reason, detail: outcome.detail });
            break;
          }
          meter.count('EventsSkipped', 1);
          log.info(`skipped: ${outcome.reason}`, { ...fields, reason: outcome.reason, detail: outcome.detail });
          break;
      }
      d.onOutcome?.(outcome);
    };

    /** Settles every ref; events on the same key run one after the other, oldest sequencer first. */
    const settleAll = async (refs: readonly ObjectRef[]): Promise<Settled[]> => {
      const groups = new Map<string, number[]>();
      refs.forEach((ref, i) => {
        const id = `${ref.bucket}\u0000${ref.key}`;
        groups.set(id, [...(groups.get(id) ?? []), i]);
      });
      const settled = new Array<Settled>(refs.length);
      await mapLimit([...groups.values()], d.concurrency ?? 4, async (indexes) => {
        indexes.sort((a, b) => compareSequencers(refs[a]!.sequencer ?? '', refs[b]!.sequencer ?? ''));
        for (const i of indexes) {
          const ref = refs[i]!;
          try {
            const outcome = await summarizeObject(ref, ws);
            record(outcome);
            settled[i] = { outcome };
          } catch (error) {
            log.error('failed; rethrown so that it is retried', { ...logFields(ref), error });
            settled[i] = { error };
          }
        }
      });
      return settled;
    };

    try {
      if (isBatchEvent(event)) return await handleBatch(event, settleAll, log);
      if (isSqsEvent(event)) return await handleSqs(event, settleAll, log);
      if (isS3Notification(event)) {
        const settled = await settleAll(event.Records.map(refFromS3Record));
        const failed = settled.find((s) => s.outcome === undefined);
        if (failed) throw failed.error ?? new Error('record failed');
        return;
      }
      if (isS3TestEvent(event)) return log.info('S3 test event: nothing to do');
      log.error('unrecognized event: expected an S3 notification, an SQS event or an S3 Batch Operations invocation', { event });
      throw new TypeError('unrecognized event: expected an S3 notification, an SQS event or an S3 Batch Operations invocation');
    } finally {
      meter.flush();
    }
  };
}

type SettleAll = (refs: readonly ObjectRef[]) => Promise<Settled[]>;

/** SQS: report the messages to retry; the others are deleted from the queue. */
async function handleSqs(event: SQSEvent, settleAll: SettleAll, log: Log): Promise<SqsBatchResponse> {
  const refs: ObjectRef[] = [];
  const owner: string[] = [];
  for (const message of event.Records) {
    const notification = notificationOfSqsRecord(message);
    if (notification === 'test') {
      log.info('S3 test event: nothing to do', { messageId: message.messageId });
      continue;
    }
    if (notification === undefined) {
      log.error('SQS message is not an S3 notification; dropped', { messageId: message.messageId, body: message.body.slice(0, 500) });
      continue;
    }
    for (const r of notification.Records) {
      refs.push(refFromS3Record(r));
      owner.push(message.messageId);
    }
  }
  const settled = await settleAll(refs);
  const failed = new Set(owner.filter((_, i) => settled[i]?.outcome === undefined));
  return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
}

function batchResult(outcome: Outcome): { resultCode: 'Succeeded' | 'PermanentFailure'; resultString: string } {
  switch (outcome.status) {
    case 'summarized':
      return { resultCode: 'Succeeded', resultString: `summarized: s3://${outcome.bucket}/${outcome.keys.json} (${outcome.figures} figures)` };
    case 'reported':
      return { resultCode: 'PermanentFailure', resultString: `${outcome.code}: ${outcome.message} (report: s3://${outcome.bucket}/${outcome.key})` };
    case 'skipped':
      if (outcome.reason === 'gone') return { resultCode: 'PermanentFailure', resultString: `NoSuchKey: ${outcome.detail}` };
      if (outcome.reason === 'key-too-long') return { resultCode: 'PermanentFailure', resultString: `KEY_TOO_LONG: ${outcome.detail}` };
      return { resultCode: 'Succeeded', resultString: `skipped (${outcome.reason}): ${outcome.detail}` };
  }
}

/** S3 Batch Operations: one result per task, in the shape Batch Operations reads. */
async function handleBatch(event: BatchEvent, settleAll: SettleAll, log: Log): Promise<BatchResponse> {
  const refs = event.tasks.map((task) => refFromBatchTask(task, event.job?.userArguments));
  const valid = refs.filter((r): r is ObjectRef => r !== undefined);
  const settled = await settleAll(valid);
  let next = 0;
  const results = event.tasks.map((task, i) => {
    if (refs[i] === undefined) {
      log.error('Batch Operations task names no bucket', { taskId: task.taskId });
      return { taskId: task.taskId, resultCode: 'PermanentFailure' as const, resultString: 'the task names no bucket (s3BucketArn or s3Bucket)' };
    }
    const s = settled[next++]!;
    if (s.outcome === undefined) return { taskId: task.taskId, resultCode: 'TemporaryFailure' as const, resultString: describeError(s.error).slice(0, 1000) };
    return { taskId: task.taskId, ...batchResult(s.outcome) };
  });
  return { invocationSchemaVersion: event.invocationSchemaVersion, treatMissingKeysAs: 'PermanentFailure', invocationId: event.invocationId, results };
}

/** The deployed dependencies, built on the first invocation: environment, S3 client, Powertools. */
export function defaultDeps(): HandlerDeps {
  const config = loadConfig();
  const service = process.env.POWERTOOLS_SERVICE_NAME || 'solieu';
  return {
    config,
    store: new S3ObjectStore(createS3Client(config)),
    log: createPowertoolsLog(service),
    meter: createPowertoolsMeter(process.env.POWERTOOLS_METRICS_NAMESPACE || 'solieu', service),
  };
}

/** The Lambda entry point (Node 24 runtime: async, no callback). */
export const handler: Handler = createHandler(defaultDeps);
