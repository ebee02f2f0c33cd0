// The part of @20minutes/s3rver@4 (lib/s3rver.js, lib/models/event.js) the local loop and tests use;
// the package ships no types.
declare module '@20minutes/s3rver' {
  import type { S3Event } from 'aws-lambda';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    serviceEndpoint?: string;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Uint8Array> }>;
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets and listens. */
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    reset(): void;
    /** One event per object write, delete or copy; the key is raw, not URL-encoded. */
    on(event: 'event', listener: (event: S3Event) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export default S3rver;
}
