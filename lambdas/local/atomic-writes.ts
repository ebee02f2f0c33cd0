/**
 * Makes s3rver's writes atomic, as S3's are. s3rver 4 writes an object's bytes in place and answers the
 * PUT before they are on disk, so a reader (the handler, right after the upload event) can see part of a
 * file, and two writes of one key can interleave. Here each file is written to a temporary name, flushed,
 * then renamed over the old one: readers see the old object or the new one, never a mix.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
// s3rver's own store (lib/stores/filesystem.js), the one class whose write methods this replaces.
// @ts-expect-error -- no types for this internal module; the methods used are typed below
import FilesystemStoreModule from '@20minutes/s3rver/lib/stores/filesystem.js';
// @ts-expect-error -- as above; S3Object.ALLOWED_METADATA is the list of headers s3rver keeps
import S3ObjectModule from '@20minutes/s3rver/lib/models/object.js';

interface FilesystemStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putContent(objectPath: string, content: Buffer | NodeJS.ReadableStream): Promise<[number, string]>;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
}

/** Names S3rver never lists: its object files end in `._S3rver_object`. */
function temporaryName(path: string): string {
  return `${path}.${randomBytes(6).toString('hex')}.partial`;
}

async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temporary = temporaryName(path);
  await fs.writeFile(temporary, data);
  await fs.rename(temporary, path);
}

let patched = false;

/** Patches s3rver's filesystem store once per process. */
export function makeS3rverWritesAtomic(): void {
  if (patched) return;
  patched = true;
  const proto = (FilesystemStoreModule as { prototype: FilesystemStore }).prototype;
  const allowed = (S3ObjectModule as { ALLOWED_METADATA: readonly string[] }).ALLOWED_METADATA;

  proto.putContent = async function putContent(objectPath, content) {
    const temporary = temporaryName(objectPath);
    const md5 = createHash('md5');
    let size = 0;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : (content as NodeJS.ReadableStream);
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, count, createWriteStream(temporary));
      await fs.rename(temporary, objectPath);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return [size, md5.digest('hex')];
  };

  proto.putMetadata = async function putMetadata(this: FilesystemStore, bucket, key, metadata, md5) {
    const stored: Record<string, string> = {};
    for (const [name, value] of Object.entries(metadata)) {
      if (allowed.includes(name) || name.startsWith('x-amz-meta-')) stored[name] = value;
    }
    if (md5) await writeAtomically(this.getResourcePath(bucket, key, 'object.md5'), md5);
    await writeAtomically(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(stored, null, 2));
  };
}
