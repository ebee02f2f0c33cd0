/**
 * Logs and metrics as the handler sees them: two small interfaces, with Powertools for AWS Lambda behind
 * them in Lambda (structured JSON logs, CloudWatch EMF metrics) and quieter versions for the local loop
 * and tests. Nothing here is created at import time.
 */
import type { Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export type LogFields = Record<string, unknown>;

/** Structured logging: a message plus fields (bucket, key, etag, ...). */
export interface Log {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Called at the start of each invocation, so every line carries the request id. */
  setContext?(context: Context | undefined): void;
}

/** The metrics the handler emits (issue 4). */
export type MetricName = 'ArticlesProcessed' | 'FiguresFound' | 'UntranslatedTerms' | 'BadInput' | 'EventsSkipped';

export interface Meter {
  count(name: MetricName, value: number): void;
  /** Publishes what was counted during the invocation. */
  flush(): void;
}

/** Log on a Powertools Logger: one JSON object a line, with the Lambda context of the invocation. */
export function createPowertoolsLog(serviceName: string): Log {
  const logger = new Logger({ serviceName });
  return {
    debug: (message, fields) => logger.debug(message, fields ?? {}),
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    error: (message, fields) => logger.error(message, fields ?? {}),
    setContext: (context) => {
      logger.resetKeys();
      if (context) logger.addContext(context);
    },
  };
}

/** Meter on Powertools Metrics: CloudWatch embedded metric format on stdout, published once per invocation. */
export function createPowertoolsMeter(namespace: string, serviceName: string): Meter {
  const metrics = new Metrics({ namespace, serviceName });
  let pending = false;
  return {
    count: (name, value) => {
      metrics.addMetric(name, MetricUnit.Count, value);
      pending = true;
    },
    flush: () => {
      // Publishing with nothing stored only prints a warning, so skip it.
      if (pending) metrics.publishStoredMetrics();
      pending = false;
    },
  };
}

/** A Log that drops everything. */
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

/** A Meter that drops everything. */
export const silentMeter: Meter = { count() {}, flush() {} };

/** A Meter that adds up counts in memory; for the local loop's summary and for tests. */
export class CountingMeter implements Meter {
  readonly totals = new Map<MetricName, number>();
  flushes = 0;
  count(name: MetricName, value: number): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + value);
  }
  flush(): void {
    this.flushes++;
  }
  get(name: MetricName): number {
    return this.totals.get(name) ?? 0;
  }
}
