/**
 * Faults a real server cannot be made to produce on cue: throttling and internal errors, injected into
 * the real SDK client as the service would answer them (S3ServiceException with its status code).
 */
import { S3ServiceException, type S3Client } from '@aws-sdk/client-s3';

export type FaultKind = 'throttle' | 'internal' | 'denied';

export interface FaultRule {
  /** `GetObjectCommand`, `PutObjectCommand`, `HeadObjectCommand` ... */
  command: string;
  kind: FaultKind;
  /** Fail only calls whose key passes this test. */
  key?: (key: string) => boolean;
  /** Let this many matching calls through first (default 0). */
  skip?: number;
  /** Fail this many matching calls, then let them through (default: all). */
  times?: number;
}

export function serviceError(kind: FaultKind): S3ServiceException {
  switch (kind) {
    case 'throttle':
      return new S3ServiceException({ name: 'SlowDown', $fault: 'server', $metadata: { httpStatusCode: 503, attempts: 1 }, message: 'Please reduce your request rate.' });
    case 'internal':
      return new S3ServiceException({ name: 'InternalError', $fault: 'server', $metadata: { httpStatusCode: 500, attempts: 1 }, message: 'We encountered an internal error. Please try again.' });
    case 'denied':
      // What HEAD answers for a missing key when the role lacks s3:ListBucket.
      return new S3ServiceException({ name: 'Forbidden', $fault: 'client', $metadata: { httpStatusCode: 403, attempts: 1 }, message: 'Forbidden' });
  }
}

/** Installs fault rules on a client; returns a function that removes them. */
export function injectFaults(client: S3Client, rules: FaultRule[]): () => void {
  const seen = new Map<FaultRule, number>();
  const name = `faults-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const key = String((args.input as { Key?: string }).Key ?? '');
      for (const rule of rules) {
        if (rule.command !== context.commandName || (rule.key && !rule.key(key))) continue;
        const n = seen.get(rule) ?? 0;
        seen.set(rule, n + 1);
        if (n >= (rule.skip ?? 0) && n < (rule.skip ?? 0) + (rule.times ?? Infinity)) throw serviceError(rule.kind);
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => void client.middlewareStack.remove(name);
}
