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
    });
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    // An upload is at most MEDIA_MAX_BYTES: buffered here, it needs no multipart upload.
    const bytes = Buffer.isBuffer(body) ? body : await buffer(body);
    const ext = /\.([a-z]+)$/.exec(key)?.[1] ?? '';
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: key,
        Body: bytes,
        ContentLength: bytes.length,
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
