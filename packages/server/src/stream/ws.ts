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
    // The stream name is the same for every reader of the topic, so the frame is built once per topic.
    frames.ws ??= `{"stream":${JSON.stringify(this.topics.get(topic) ?? [])},"event":${JSON.stringify(event.event)},"payload":${JSON.stringify(event.payload)},"id":"${event.id}"}`;
    this.sendRaw(frames.ws);
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
