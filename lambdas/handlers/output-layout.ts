/**
 * Where outputs go and what they record. Results: `<outputPrefix><key>.json` and `.md`; error reports:
 * `<errorPrefix><key>.error.json`. Their user metadata links each output to the source object it was
 * made from (ETag, version, event sequencer), which is what makes duplicate and out-of-order events safe.
 */
import type { RuntimeConfig } from '../adapters/config';
import { compareSequencers } from '../adapters/s3-event-key';
import type { ObjectHead } from '../adapters/s3-store';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const MARKDOWN_TYPE = 'text/markdown; charset=utf-8';

/** S3 refuses keys longer than this many UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/** User-metadata names (S3 sends them back lower-case, as `x-amz-meta-<name>`). */
export const META = {
  output: 'solieu-output',
  bucket: 'source-bucket',
  key: 'source-key',
  eTag: 'source-etag',
  versionId: 'source-version-id',
  sequencer: 'source-sequencer',
  glossary: 'glossary',
  figures: 'figures',
  errorCode: 'error-code',
} as const;

export type OutputKind = 'result' | 'error-report';

export function resultKeys(config: RuntimeConfig, key: string): { json: string; md: string } {
  return { json: `${config.outputPrefix}${key}.json`, md: `${config.outputPrefix}${key}.md` };
}

export function errorReportKey(config: RuntimeConfig, key: string): string {
  return `${config.errorPrefix}${key}.error.json`;
}

/** Keys the function writes itself: events for them are ignored, so it can never trigger itself. */
export function isOwnOutput(config: RuntimeConfig, key: string): boolean {
  return key.startsWith(config.outputPrefix) || key.startsWith(config.errorPrefix);
}

export function keyTooLong(key: string): boolean {
  return Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES;
}

/** The source an output was made from, as recorded in its metadata. */
export interface Provenance {
  bucket: string;
  key: string;
  eTag: string;
  versionId: string | undefined;
  sequencer: string | undefined;
}

/** Metadata for an output. Values are ASCII, as S3 requires: the key is stored percent-encoded. */
export function provenanceMetadata(kind: OutputKind, source: Provenance, extra: Record<string, string>): Record<string, string> {
  const metadata: Record<string, string> = {
    [META.output]: kind,
    [META.bucket]: source.bucket,
    [META.key]: encodeURIComponent(source.key),
    [META.eTag]: source.eTag,
    ...extra,
  };
  if (source.versionId) metadata[META.versionId] = source.versionId;
  if (source.sequencer) metadata[META.sequencer] = source.sequencer;
  return metadata;
}

/** An existing output, as far as the handler cares. */
export interface OutputRecord {
  kind: OutputKind;
  /** Undefined when the object carries no solieu metadata (written by something else). */
  eTag: string | undefined;
  versionId: string | undefined;
  sequencer: string | undefined;
  glossary: string | undefined;
  lastModified: Date | undefined;
}

export function readOutputRecord(kind: OutputKind, head: ObjectHead | undefined): OutputRecord | undefined {
  if (!head) return undefined;
  const m = head.metadata;
  return {
    kind,
    eTag: m[META.eTag],
    versionId: m[META.versionId],
    sequencer: m[META.sequencer],
    glossary: m[META.glossary],
    lastModified: head.lastModified,
  };
}

/** What is already written for a key: its result, its error report, and which of the two is newer. */
export interface OutputState {
  result: OutputRecord | undefined;
  report: OutputRecord | undefined;
  latest: OutputRecord | undefined;
  /** The greatest sequencer either output recorded. */
  sequencer: string | undefined;
}

export function outputState(result: OutputRecord | undefined, report: OutputRecord | undefined): OutputState {
  let latest = result ?? report;
  if (result && report) {
    if (result.sequencer && report.sequencer) latest = compareSequencers(result.sequencer, report.sequencer) >= 0 ? result : report;
    else latest = (report.lastModified?.getTime() ?? 0) > (result.lastModified?.getTime() ?? 0) ? report : result;
  }
  const sequencers = [result?.sequencer, report?.sequencer].filter((s): s is string => !!s);
  const sequencer = sequencers.sort(compareSequencers).at(-1);
  return { result, report, latest, sequencer };
}

/** The newest output already describes this source version (and, for a result, this glossary). */
export function alreadyDone(state: OutputState, eTag: string | undefined, versionId: string | undefined, glossaryId: string): boolean {
  const latest = state.latest;
  if (!latest?.eTag || !eTag || latest.eTag !== eTag) return false;
  if (versionId && latest.versionId && versionId !== latest.versionId) return false;
  return latest.kind === 'error-report' || latest.glossary === glossaryId;
}

/** The event is older than what was already written for the key. */
export function isStale(state: OutputState, sequencer: string | undefined): boolean {
  return !!sequencer && !!state.sequencer && compareSequencers(sequencer, state.sequencer) < 0;
}
