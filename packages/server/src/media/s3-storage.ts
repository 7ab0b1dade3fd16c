import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { MediaStorage } from './storage';
import { MEDIA_TYPES } from './storage';

export interface S3Settings {
  /** e.g. `https://s3.eu-central-1.amazonaws.com` or a MinIO/Garage address; empty: AWS's default. */
  endpoint: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key` (what most self-hosted stores need). */
  forcePathStyle: boolean;
}

/**
 * Media files in an S3-compatible bucket. Objects are private: clients fetch them through this
 * server's `/media/…` route (`url`), which adds the sandboxing headers an object store would not
 * send; a CDN in front of that route caches them.
 */
export class S3Storage implements MediaStorage {
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    private readonly publicUrl: string,
  ) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint ?? undefined,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // A checksum only where S3 asks for one: by default the SDK sends a streamed body in
      // aws-chunked encoding with a trailing CRC32, which s3rver and several S3-compatible
      // stores refuse. TLS and the request signature still cover the bytes.
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Buffer | Readable, size?: number): Promise<void> {
    // A stream of known size goes out as it is read (one PUT: an upload is at most
    // MEDIA_MAX_BYTES, under S3's 5 GB single-request limit); one of unknown size is read first.
    const streamed = !Buffer.isBuffer(body) && size !== undefined;
    const bytes = Buffer.isBuffer(body) ? body : streamed ? null : await buffer(body);
    const ext = /\.([a-z]+)$/.exec(key)?.[1] ?? '';
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: key,
        Body: bytes ?? body,
        ContentLength: bytes ? bytes.length : size,
        ContentType: MEDIA_TYPES[ext] ?? 'application/octet-stream',
      }),
    );
  }

  async get(key: string) {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      if (!res.Body) return null;
      return { stream: res.Body as Readable, size: Number(res.ContentLength ?? 0) };
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }

  url(key: string): string {
    return `${this.publicUrl}/media/${key}`;
  }

  close(): void {
    this.client.destroy();
  }
}
