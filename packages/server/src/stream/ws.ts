import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { StoredEvent } from '../store/events';
import { type CloseReason, type FrameCache, Reader } from './reader';

const NO_STREAM: string[] = [];
/** A ping control frame with no payload (FIN, opcode 9, length 0). */
const PING_FRAME = Buffer.from([0x89, 0x00]);
const streamJsons = new WeakMap<string[], string>();

/** A reader's stream name as JSON, encoded once per name array rather than once per event. */
function streamJson(name: string[]): string {
  let json = streamJsons.get(name);
  if (json === undefined) {
    json = JSON.stringify(name);
    streamJsons.set(name, json);
  }
  return json;
}

/** One text message as a WebSocket frame on the wire (a server's frames are not masked). */
function textFrame(message: Buffer): Buffer {
  const n = message.length;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x81; // FIN, text
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  message.copy(frame, head);
  return frame;
}

/** Mastodon's WebSocket streaming: `{stream, event, payload}` with the payload as a JSON string. */
export class WsReader extends Reader {
  /**
   * With no extension negotiated (no compression), `ws` writes every frame whole and at once, so
   * an event's frame, built once for every reader, can go straight to the TCP socket: one write
   * per reader instead of `ws` framing and writing the message again for each.
   */
  private readonly plain: boolean;

  constructor(
    private readonly socket: WebSocket,
    private readonly maxBufferedBytes: number,
  ) {
    super();
    this.plain = socket.extensions === '';
    socket.on('close', () => this.finish('client'));
  }

  /** The TCP socket under an open, uncompressed WebSocket; null when frames must go through `ws`. */
  private tcp(): Socket | null {
    if (!this.plain || this.socket.readyState !== 1) return null;
    const tcp = (this.socket as WebSocket & { _socket?: Socket | null })._socket;
    return tcp && !tcp.destroyed ? tcp : null;
  }

  protected write(topic: string, event: StoredEvent, frames: FrameCache, name?: string[]): void {
    // Built once per stream name per event: readers of a topic nearly always share one name.
    const stream = streamJson(name ?? this.topics.get(topic) ?? NO_STREAM);
    frames.ws ??= new Map();
    let built = frames.ws.get(stream);
    if (built === undefined) {
      frames.wsPayload ??= JSON.stringify(event.payload);
      const message = Buffer.from(
        `{"stream":${stream},"event":${JSON.stringify(event.event)},"payload":${frames.wsPayload},"id":"${event.id}"}`,
      );
      built = { message, frame: null };
      frames.ws.set(stream, built);
    }
    const tcp = this.tcp();
    if (!tcp) {
      this.sendRaw(built.message);
      return;
    }
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close('backlog');
      return;
    }
    built.frame ??= textFrame(built.message);
    tcp.write(built.frame);
  }

  /** Sends one text message (a Buffer already holds its UTF-8 bytes, shared by every reader). */
  sendRaw(text: string | Buffer): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close('backlog');
      return;
    }
    this.socket.send(text, { binary: false });
  }

  heartbeat(): void {
    if (this.closed) return;
    // The same two bytes for every socket: written straight to it, like event frames.
    const tcp = this.tcp();
    if (tcp) tcp.write(PING_FRAME);
    else this.socket.ping();
  }

  protected override backedUp(): boolean {
    return this.socket.bufferedAmount > this.maxBufferedBytes / 2;
  }

  /** `ws` has no drain event: look again every few milliseconds. */
  protected override async drained(): Promise<void> {
    while (!this.closed && this.backedUp()) await new Promise((r) => setTimeout(r, 5));
  }

  close(reason: CloseReason): void {
    if (this.closed) return;
    if (reason === 'backlog') this.socket.terminate();
    // 1008 (policy violation): the credential is gone, reconnecting with it will not help.
    else if (reason === 'revoked') this.socket.close(1008, 'revoked');
    else this.socket.close(1001, reason);
    this.finish(reason);
  }
}
