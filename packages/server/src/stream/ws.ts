import type { WebSocket } from 'ws';
import type { StoredEvent } from '../store/events';
import { type FrameCache, Reader } from './reader';

/** Mastodon's WebSocket streaming: `{stream, event, payload}` with the payload as a JSON string. */
export class WsReader extends Reader {
  constructor(
    private readonly socket: WebSocket,
    private readonly maxBufferedBytes: number,
  ) {
    super();
    socket.on('close', () => this.finish('client'));
  }

  protected write(topic: string, event: StoredEvent, frames: FrameCache): void {
    // Built once per stream name per event: readers of a topic nearly always share one name.
    const stream = JSON.stringify(this.topics.get(topic) ?? []);
    frames.ws ??= new Map();
    let frame = frames.ws.get(stream);
    if (frame === undefined) {
      frames.wsPayload ??= JSON.stringify(event.payload);
      frame = `{"stream":${stream},"event":${JSON.stringify(event.event)},"payload":${frames.wsPayload},"id":"${event.id}"}`;
      frames.ws.set(stream, frame);
    }
    this.sendRaw(frame);
  }

  sendRaw(text: string): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close('backlog');
      return;
    }
    this.socket.send(text);
  }

  heartbeat(): void {
    if (!this.closed) this.socket.ping();
  }

  close(reason: 'backlog' | 'shutdown' | 'client'): void {
    if (this.closed) return;
    if (reason === 'backlog') this.socket.terminate();
    else this.socket.close(1001, reason);
    this.finish(reason);
  }

  private finish(reason: 'backlog' | 'shutdown' | 'client'): void {
    if (this.closed && reason === 'client') return;
    this.closed = true;
    this.onClose(reason);
    this.onClose = () => {};
  }
}
