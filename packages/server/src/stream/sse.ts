import type { ServerResponse } from 'node:http';
import type { StoredEvent } from '../store/events';
import { type FrameCache, Reader } from './reader';

const HEARTBEAT = Buffer.from(':thump\n\n');

/** Server-sent events: `id:` on every event so the browser's reconnect resumes with Last-Event-ID. */
export class SseReader extends Reader {
  constructor(
    private readonly res: ServerResponse,
    private readonly maxBufferedBytes: number,
  ) {
    super();
    res.on('close', () => this.finish('client'));
  }

  /** Sends the headers and a first comment at once, so clients see the stream open. */
  open(origin: string | undefined): void {
    const headers: Record<string, string> = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    };
    if (origin) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-allow-credentials'] = 'true';
    } else headers['access-control-allow-origin'] = '*';
    this.res.writeHead(200, headers);
    this.res.write(':)\n\n');
  }

  protected write(_topic: string, event: StoredEvent, frames: FrameCache): void {
    frames.sse ??= Buffer.from(`id: ${event.id}\nevent: ${event.event}\ndata: ${event.payload}\n\n`);
    this.push(frames.sse);
  }

  heartbeat(): void {
    this.push(HEARTBEAT);
  }

  private push(chunk: Buffer): void {
    if (this.closed) return;
    // A reader this far behind would slow the room: drop it; it resumes from its last id.
    if (this.res.writableLength > this.maxBufferedBytes) {
      this.close('backlog');
      return;
    }
    this.res.write(chunk);
  }

  close(reason: 'backlog' | 'shutdown' | 'client'): void {
    if (this.closed) return;
    if (reason === 'backlog') this.res.destroy();
    else this.res.end();
    this.finish(reason);
  }

  private finish(reason: 'backlog' | 'shutdown' | 'client'): void {
    if (this.closed && reason === 'client') return;
    this.closed = true;
    this.onClose(reason);
    this.onClose = () => {};
  }
}
