/**
 * The glossary the handler translates with: the built-in one, with the user's glossary object
 * (GLOSSARY_KEY, a terminology CSV in the event's bucket) merged over it. The merged glossary is kept per
 * bucket with the object's ETag; each invocation asks S3 "changed since this ETag?" (If-None-Match), so
 * editors can change terms without a redeploy and an unchanged file is never read or parsed twice.
 */
import { decodeBytes, parseGlossaryCsv, type Glossary } from '../core/index';
import type { ObjectStore } from './s3-store';

/** The glossary to use and the id recorded in result metadata (`builtin`, or the user file's ETag). */
export interface ResolvedGlossary {
  glossary: Glossary;
  id: string;
}

/** What went wrong with the user glossary; the caller logs it and reports it once per ETag. */
export interface GlossaryProblem {
  bucket: string;
  key: string;
  eTag: string | undefined;
  error: unknown;
}

interface CacheEntry {
  /** ETag of the user file this entry was made from. */
  eTag: string;
  /** The merge, or the fallback when that file was broken (so a broken file is parsed once, not per call). */
  resolved: ResolvedGlossary;
}

export class GlossarySource {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly missingReported = new Set<string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly builtin: () => Glossary,
    private readonly options: { key: string | undefined; maxBytes: number },
  ) {}

  /**
   * The glossary for articles of `bucket`. A missing user file means the built-in glossary; a broken one
   * keeps the last good merge (or the built-in one) and is handed to `onProblem` once per ETag.
   * S3 failures are thrown, like any other S3 failure of the invocation.
   */
  async resolve(bucket: string, onProblem: (problem: GlossaryProblem) => Promise<void>): Promise<ResolvedGlossary> {
    const key = this.options.key;
    const builtin = (): ResolvedGlossary => ({ glossary: this.builtin(), id: 'builtin' });
    if (!key) return builtin();
    const cached = this.cache.get(bucket);
    const object = await this.store.get(bucket, key, { maxBytes: this.options.maxBytes, ifNoneMatch: cached && `"${cached.eTag}"` });
    if (object === 'not-modified' && cached) return cached.resolved;
    if (object === undefined || object === 'not-modified') {
      this.cache.delete(bucket);
      if (!this.missingReported.has(bucket)) {
        this.missingReported.add(bucket);
        await onProblem({ bucket, key, eTag: undefined, error: new Error(`s3://${bucket}/${key} does not exist: using the built-in glossary`) });
      }
      return builtin();
    }
    this.missingReported.delete(bucket);
    if (cached?.eTag === object.eTag) return cached.resolved;
    // Outside the try: a broken built-in glossary is a deployment fault, not the editor's.
    const base = this.builtin();
    let resolved: ResolvedGlossary;
    try {
      const entries = parseGlossaryCsv(decodeBytes(object.bytes), `s3://${bucket}/${key}`);
      resolved = { glossary: base.merge(entries), id: `user:${object.eTag}` };
    } catch (error) {
      resolved = cached?.resolved ?? builtin();
      await onProblem({ bucket, key, eTag: object.eTag, error });
    }
    this.cache.set(bucket, { eTag: object.eTag, resolved });
    return resolved;
  }
}
