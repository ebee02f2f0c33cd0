/**
 * Runtime configuration of the S3 handler. Read from the environment once, on first use, never at
 * import: a cold start pays nothing for it and tests can set the environment before the first call.
 */

/** Settings the handler runs with; see docs/RUNTIME.md for the environment variables. */
export interface RuntimeConfig {
  /** Bucket for results and error reports; undefined means the bucket the event came from. */
  outputBucket: string | undefined;
  /** Key prefix of results, always ending in `/` (OUTPUT_PREFIX, default `results/`). */
  outputPrefix: string;
  /** Key prefix of error reports, always ending in `/` (ERROR_PREFIX, default `errors/`). */
  errorPrefix: string;
  /** Largest article accepted, in bytes (MAX_BYTES, default 5 MB). */
  maxBytes: number;
  /** Key of a user glossary CSV in the event's bucket, merged over the built-in one (GLOSSARY_KEY). */
  glossaryKey: string | undefined;
  /** S3-compatible endpoint (AWS_ENDPOINT_URL_S3); path-style addressing is used with it. */
  endpoint: string | undefined;
  /** AWS region (AWS_REGION, AWS_DEFAULT_REGION); undefined leaves it to the SDK. */
  region: string | undefined;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** A setting that makes the handler unsafe to run; thrown on first use so the deployment fails loudly. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `results` and `/results/` both become `results/`. An empty prefix is refused: outputs would mix with inputs. */
export function normalizePrefix(name: string, value: string | undefined, fallback: string): string {
  const raw = value === undefined ? fallback : value.trim();
  const prefix = raw.replace(/^\/+/, '').replace(/\/*$/, '/');
  if (prefix === '/') throw new ConfigError(`${name} must not be empty: results would land beside the articles and trigger the function again`);
  return prefix;
}

/** Parses and checks the settings. Pure: takes the environment as an argument. */
export function parseConfig(env: Env): RuntimeConfig {
  const outputPrefix = normalizePrefix('OUTPUT_PREFIX', env.OUTPUT_PREFIX, 'results/');
  const errorPrefix = normalizePrefix('ERROR_PREFIX', env.ERROR_PREFIX, 'errors/');
  let maxBytes = DEFAULT_MAX_BYTES;
  const rawMax = nonEmpty(env.MAX_BYTES);
  if (rawMax !== undefined) {
    maxBytes = Number(rawMax);
    if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new ConfigError(`MAX_BYTES must be a positive whole number of bytes, got "${rawMax}"`);
  }
  return {
    outputBucket: nonEmpty(env.OUTPUT_BUCKET),
    outputPrefix,
    errorPrefix,
    maxBytes,
    glossaryKey: nonEmpty(env.GLOSSARY_KEY)?.replace(/^\/+/, ''),
    endpoint: nonEmpty(env.AWS_ENDPOINT_URL_S3),
    region: nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION),
  };
}

let loaded: RuntimeConfig | undefined;

/** The configuration from `process.env`, read on the first call and kept. */
export function loadConfig(): RuntimeConfig {
  loaded ??= parseConfig(process.env);
  return loaded;
}
