/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`) once, in app.ts.
 * Every key has a default here; values from `-c` arrive as strings, values from cdk.json as JSON.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** What one deployment of the pipeline looks like. */
export interface SolieuConfig {
  /** CloudFormation stack name. */
  readonly stackName: string;
  /** S3 → SQS → Lambda (true) instead of S3 → Lambda (false). For bursts and backfills. */
  readonly queued: boolean;
  /** Uploads under this prefix trigger the function. */
  readonly inputPrefix: string;
  /** ...when their key ends with this suffix ('' for any key). */
  readonly inputSuffix: string;
  /** Results: `<outputPrefix><input key>.json` and `.md`. */
  readonly outputPrefix: string;
  /** Error reports: `<errorPrefix><input key>.error.json`. */
  readonly errorPrefix: string;
  /** Key of the optional user glossary CSV in the data bucket; undefined when disabled. */
  readonly glossaryKey: string | undefined;
  /** Where operators put S3 Batch Operations manifests. */
  readonly batchManifestPrefix: string;
  /** Where S3 Batch Operations writes completion reports. */
  readonly batchReportPrefix: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  /** Largest article the handler accepts, in bytes. */
  readonly maxBytes: number;
  /** Unset: the function shares the account's unreserved concurrency. */
  readonly reservedConcurrency: number | undefined;
  readonly logRetentionDays: RetentionDays;
  readonly errorReportExpirationDays: number;
  readonly batchReportExpirationDays: number;
  readonly accessLogExpirationDays: number;
  readonly noncurrentVersionExpirationDays: number;
  /** Direct mode: Lambda's own retries of an asynchronous invocation (0–2). */
  readonly retryAttempts: number;
  /** Direct mode: how long Lambda keeps an event it could not yet run. */
  readonly maxEventAgeSeconds: number;
  /** Queued mode: messages per invocation (1–10). */
  readonly batchSize: number;
  /** Queued mode: most concurrent invocations the queue may start (2–1000). */
  readonly maxConcurrency: number;
  /** Queued mode: receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Alarm notifications go here when set (the address must confirm the subscription). */
  readonly alarmEmail: string | undefined;
}

/** The settings used when context does not say otherwise. */
export const DEFAULT_CONFIG: SolieuConfig = {
  stackName: 'Solieu',
  queued: false,
  inputPrefix: 'incoming/',
  inputSuffix: '.txt',
  outputPrefix: 'results/',
  errorPrefix: 'errors/',
  glossaryKey: 'config/glossary.csv',
  batchManifestPrefix: 'batch-manifests/',
  batchReportPrefix: 'batch-reports/',
  memorySize: 512,
  timeoutSeconds: 60,
  maxBytes: 5_242_880,
  reservedConcurrency: undefined,
  logRetentionDays: RetentionDays.ONE_MONTH,
  errorReportExpirationDays: 90,
  batchReportExpirationDays: 30,
  accessLogExpirationDays: 90,
  noncurrentVersionExpirationDays: 30,
  retryAttempts: 2,
  maxEventAgeSeconds: 6 * 3600,
  batchSize: 10,
  maxConcurrency: 5,
  maxReceiveCount: 3,
  alarmEmail: undefined,
};

/** The context keys this app reads: the fields of SolieuConfig. */
export const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG) as ReadonlyArray<keyof SolieuConfig>;

/** A context value that cannot be used; the message names the key and what it accepts. */
export class ConfigError extends Error {
  constructor(key: string, value: unknown, expected: string) {
    super(`Context "${key}" is ${JSON.stringify(value)}; expected ${expected}.`);
    this.name = 'ConfigError';
  }
}

/** Reads context values by key; `app.node.tryGetContext` fits. */
export type ContextReader = (key: string) => unknown;

const RETENTION_DAYS = new Set(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));

/** Builds the configuration from context, checking every value and how prefixes relate. */
export function readConfig(context: ContextReader): SolieuConfig {
  const raw = (key: keyof SolieuConfig): unknown => context(key);
  const int = (key: keyof SolieuConfig, min: number, max: number): number =>
    readInteger(key, raw(key), DEFAULT_CONFIG[key] as number, min, max);
  const prefix = (key: keyof SolieuConfig): string => readPrefix(key, raw(key), DEFAULT_CONFIG[key] as string);

  const logRetentionDays = int('logRetentionDays', 1, 3653);
  if (!RETENTION_DAYS.has(logRetentionDays)) {
    throw new ConfigError('logRetentionDays', logRetentionDays, `one of ${[...RETENTION_DAYS].join(', ')}`);
  }
  const config: SolieuConfig = {
    stackName: readString('stackName', raw('stackName'), DEFAULT_CONFIG.stackName, /^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'a CloudFormation stack name'),
    queued: readBoolean('queued', raw('queued'), DEFAULT_CONFIG.queued),
    inputPrefix: prefix('inputPrefix'),
    inputSuffix: readString('inputSuffix', raw('inputSuffix'), DEFAULT_CONFIG.inputSuffix, /^[^*?]{0,64}$/, 'a key suffix such as ".txt", or ""'),
    outputPrefix: prefix('outputPrefix'),
    errorPrefix: prefix('errorPrefix'),
    glossaryKey: readGlossaryKey(raw('glossaryKey')),
    batchManifestPrefix: prefix('batchManifestPrefix'),
    batchReportPrefix: prefix('batchReportPrefix'),
    memorySize: int('memorySize', 128, 10_240),
    timeoutSeconds: int('timeoutSeconds', 1, 900),
    maxBytes: int('maxBytes', 1, 100 * 1024 * 1024),
    reservedConcurrency: readOptionalInteger('reservedConcurrency', raw('reservedConcurrency'), 1, 10_000),
    logRetentionDays: logRetentionDays as RetentionDays,
    errorReportExpirationDays: int('errorReportExpirationDays', 1, 3650),
    batchReportExpirationDays: int('batchReportExpirationDays', 1, 3650),
    accessLogExpirationDays: int('accessLogExpirationDays', 1, 3650),
    noncurrentVersionExpirationDays: int('noncurrentVersionExpirationDays', 1, 3650),
    retryAttempts: int('retryAttempts', 0, 2),
    maxEventAgeSeconds: int('maxEventAgeSeconds', 60, 6 * 3600),
    batchSize: int('batchSize', 1, 10),
    maxConcurrency: int('maxConcurrency', 2, 1000),
    maxReceiveCount: int('maxReceiveCount', 1, 1000),
    alarmEmail: readOptionalEmail('alarmEmail', raw('alarmEmail')),
  };
  checkLayout(config);
  return config;
}

/**
 * Results, error reports, batch files and the glossary must never match the trigger, or each
 * result would trigger another run; nor may one prefix hold another's objects.
 */
function checkLayout(config: SolieuConfig): void {
  const prefixes = (['inputPrefix', 'outputPrefix', 'errorPrefix', 'batchManifestPrefix', 'batchReportPrefix'] as const).map(
    (key) => [key, config[key]] as const,
  );
  for (const [keyA, a] of prefixes) {
    for (const [keyB, b] of prefixes) {
      if (keyA !== keyB && b.startsWith(a)) {
        throw new ConfigError(keyB, b, `a prefix outside ${keyA} "${a}"`);
      }
    }
  }
  const glossaryKey = config.glossaryKey;
  if (glossaryKey !== undefined) {
    for (const [key, value] of prefixes) {
      if (glossaryKey.startsWith(value)) {
        throw new ConfigError('glossaryKey', glossaryKey, `a key outside ${key} "${value}"`);
      }
    }
  }
}

function readBoolean(key: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(key, value, 'true or false');
}

function readInteger(key: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(key, value, `an integer from ${min} to ${max}`);
  }
  return n;
}

function readOptionalInteger(key: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined || value === null || value === '' || value === 'none') return undefined;
  return readInteger(key, value, 0, min, max);
}

function readString(key: string, value: unknown, fallback: string, pattern: RegExp, expected: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !pattern.test(value)) throw new ConfigError(key, value, expected);
  return value;
}

/** A prefix is a folder-like key start: `incoming/`, `archive/2024/`. */
function readPrefix(key: string, value: unknown, fallback: string): string {
  return readString(key, value, fallback, /^(?!\/)[^*?]{0,200}[^/*?]\/$/, 'a key prefix ending in "/", such as "incoming/"');
}

/** '' or 'none' disables the user glossary. */
function readGlossaryKey(value: unknown): string | undefined {
  if (value === undefined) return DEFAULT_CONFIG.glossaryKey;
  if (value === null || value === '' || value === 'none') return undefined;
  return readString('glossaryKey', value, '', /^(?!\/)[^*?]{1,1024}[^/*?]$/, 'an object key such as "config/glossary.csv", or "none"');
}

function readOptionalEmail(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '' || value === 'none') return undefined;
  return readString(key, value, '', /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an e-mail address');
}
