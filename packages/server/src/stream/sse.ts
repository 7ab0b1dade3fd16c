import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { StoredEvent } from '../store/events';
import { type CloseReason, type FrameCache, Reader } from './reader';

// Comments end in one newline, as Mastodon's streaming server writes them: Mastodon.py ends an
// event at a blank line and aborts on one with no `event` field, so a comment must not stand
// alone between blank lines; spec-following readers (EventSource) skip the line either way.
const OPENING = ':)\n';
const HEARTBEAT = Buffer.from(':thump\n');
const HEARTBEAT_CHUNK = chunk(HEARTBEAT);

/** `data` framed as one HTTP/1.1 chunk (`<hex size>\r\n<data>\r\n`), ready for the socket. */
function chunk(data: Buffer): Buffer {
  const head = `${data.length.toString(16)}\r\n`;
  const out = Buffer.allocUnsafe(head.length + data.length + 2);
  out.write(head, 0, 'latin1');
  data.copy(out, head.length);
  out.write('\r\n', head.length + data.length, 'latin1');
  return out;
}

/**
 * Server-sent events: `id:` on every event so the browser's reconnect resumes with Last-Event-ID,
 * unless `ids` is off: then `event:` and `data:` lines only, as Mastodon frames them, opened with
 * the heartbeat comment: mastodon-api 1.3 skips a chunk that is exactly `:thump\n` but keeps any
 * other comment in its buffer, where it spoils the first event (so against Mastodon's `:)` too).
 */
export class SseReader extends Reader {
  /**
   * Once the stream is open on a chunked HTTP/1.1 response that owns its socket, events go to
   * the socket as ready-made chunks, framed once per event for every reader: one write each,
   * where `res.write` would cork, frame and writev four pieces per reader.
   */
  private socket: Socket | null = null;
  /** The response's socket, written to directly once everything the response queued has left. */
  private candidate: Socket | null = null;
  private isLive = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly maxBufferedBytes: number,
    private readonly ids = true,
  ) {
    super();
    res.on('close', () => this.finish('client'));
    // The client may have left while the stream was being resolved: its 'close' has passed.
    if (res.destroyed) this.finish('client');
  }

  /**
   * Sets the headers; they leave with the first comment (`live`) or event. Any page may read a
   * stream, but never with the browser's credentials: a signed-in stream from another origin
   * needs a token (the cookie counts only from the site's own pages, see resolveViewer).
   */
  open(): void {
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    });
  }

  /**
   * The first comment, sent once the hub has subscribed the stream's topics: a client that has
   * read it misses no later event (tests wait for it instead of sleeping).
   */
  override live(): void {
    if (this.closed || this.isLive) return;
    this.isLive = true;
    this.res.write(this.ids ? OPENING : HEARTBEAT);
    if (this.res.chunkedEncoding) this.candidate = this.res.socket;
  }

  /**
   * Whether writes may skip the response and go to the socket. Only once the response has
   * nothing queued (its headers and first comment are on the wire) and is the socket's
   * current message: when Node sends a response's first bytes varies between versions (on a
   * reused keep-alive socket Node 24 holds them back), and a direct write must never
   * overtake them.
   */
  private direct(): Socket | null {
    if (this.socket) return this.socket.destroyed ? null : this.socket;
    const s = this.candidate;
    if (!s || s.destroyed || !this.res.headersSent || this.res.writableLength !== 0) return null;
    if ((s as Socket & { _httpMessage?: unknown })._httpMessage !== this.res) return null;
    this.socket = s;
    this.candidate = null;
    return s;
  }

  protected write(_topic: string, event: StoredEvent, frames: FrameCache): void {
    const direct = this.socket !== null || this.candidate !== null;
    if (this.ids) {
      frames.sse ??= Buffer.from(`id: ${event.id}\nevent: ${event.event}\ndata: ${event.payload}\n\n`);
      if (direct) frames.sseChunk ??= chunk(frames.sse);
      this.push(frames.sse, direct ? frames.sseChunk : undefined);
    } else {
      frames.sseBare ??= Buffer.from(`event: ${event.event}\ndata: ${event.payload}\n\n`);
      if (direct) frames.sseBareChunk ??= chunk(frames.sseBare);
      this.push(frames.sseBare, direct ? frames.sseBareChunk : undefined);
    }
  }

  heartbeat(): void {
    this.push(HEARTBEAT, HEARTBEAT_CHUNK);
  }

  protected override backedUp(): boolean {
    return this.res.writableLength > this.maxBufferedBytes / 2;
  }

  protected override drained(): Promise<void> {
    // Written to directly, the socket drains; the response only does after its own writes.
    const from = this.socket ?? this.res;
    return new Promise((resolve) => {
      const done = () => {
        from.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      from.on('drain', done);
      this.res.on('close', done);
    });
  }

  /** Writes `data`, or when writing to the socket itself, the same bytes already framed as a chunk. */
  private push(data: Buffer, framed?: Buffer): void {
    if (this.closed) return;
    // A reader this far behind would slow the room: drop it; it resumes from its last id.
    // (The response's writableLength counts its socket's unsent bytes too.)
    if (this.res.writableLength > this.maxBufferedBytes) {
      this.close('backlog');
      return;
    }
    const socket = framed ? this.direct() : null;
    if (socket) socket.write(framed!);
    else this.res.write(data);
  }

  close(reason: CloseReason): void {
    if (this.closed) return;
    if (reason === 'backlog') this.res.destroy();
    else this.res.end();
    this.finish(reason);
  }
}
