/** A handler wired to the test server, with its outcomes, logs, metrics and S3 calls on record. */
import type { S3Client } from '@aws-sdk/client-s3';
import { newClient } from './s3-server';
import { parseConfig } from '../../lambdas/adapters/config';
import { CountingMeter, type Log, type LogFields } from '../../lambdas/adapters/observability';
import { S3ObjectStore } from '../../lambdas/adapters/s3-store';
import { createHandler, type Handler, type HandlerDeps, type Outcome } from '../../lambdas/handlers/s3-summarize';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields;
}

export interface TestHandler {
  handler: Handler;
  /** The handler's own S3 client (fault rules go on it). */
  client: S3Client;
  outcomes: Outcome[];
  logs: LogEntry[];
  meter: CountingMeter;
  /** Names of the S3 commands the handler sent, in order (`PutObjectCommand` ...). */
  calls: string[];
  /** Forgets outcomes, logs and calls. */
  reset(): void;
}

/** Records the commands a client sends. */
export function recordCommands(client: S3Client, calls: string[]): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: `recordCommands-${Math.random().toString(36).slice(2)}` },
  );
}

/** A handler with its own client for the server at `endpoint`, configured as the environment `env` would. */
export function testHandler(endpoint: string, env: Record<string, string> = {}, overrides: Partial<HandlerDeps> = {}): TestHandler {
  const client = newClient(endpoint);
  const outcomes: Outcome[] = [];
  const logs: LogEntry[] = [];
  const calls: string[] = [];
  const meter = new CountingMeter();
  recordCommands(client, calls);
  const at = (level: LogEntry['level']) => (message: string, fields: LogFields = {}) => void logs.push({ level, message, fields });
  const log: Log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const handler = createHandler({
    config: parseConfig(env),
    store: new S3ObjectStore(client),
    log,
    meter,
    onOutcome: (o) => outcomes.push(o),
    ...overrides,
  });
  return {
    handler,
    client,
    outcomes,
    logs,
    meter,
    calls,
    reset() {
      outcomes.length = 0;
      logs.length = 0;
      calls.length = 0;
    },
  };
}
