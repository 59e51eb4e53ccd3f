import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/**
 * A fake of Slack's Socket Mode WebSocket endpoint on 127.0.0.1: a minimal RFC 6455 server (text, ping, close)
 * that says hello like Slack, pushes envelopes to the bot and records the bot's acks. The fake Web API hands
 * out its URL from apps.connections.open.
 */
export class FakeSocketMode {
  /** Every JSON message the bot sent back (acks carry envelope_id and an optional payload). */
  readonly received: Record<string, unknown>[] = [];
  private socket: Duplex | null = null;
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];

  private constructor(private readonly server: Server) {
    server.on('upgrade', (req, socket) => {
      const key = String(req.headers['sec-websocket-key'] ?? '');
      const accept = createHash('sha1').update(`${key}${WS_GUID}`).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      this.socket = socket;
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', () => undefined);
      this.send({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0SRMBOT1' } });
    });
  }

  static async start(): Promise<FakeSocketMode> {
    const server = createServer((_req, res) => res.writeHead(404).end());
    const fake = new FakeSocketMode(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  send(message: Record<string, unknown>): void {
    this.socket?.write(frame(OP_TEXT, Buffer.from(JSON.stringify(message))));
  }

  /** Resolves once the bot has sent a message with this envelope_id. */
  async waitForAck(envelopeId: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.received.find((message) => message.envelope_id === envelopeId);
      if (ack) return ack;
      if (Date.now() > deadline) throw new Error(`no ack for envelope ${envelopeId}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Lets the bot finish its close handshake first (as Slack would), else its client keeps a 30 s timer alive. */
  async close(): Promise<void> {
    const socket = this.socket;
    if (socket && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          socket.destroy();
          resolve();
        }, 1000);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const parsed = parseFrame(this.buffer);
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.size);
      if (parsed.opcode === OP_TEXT) {
        this.received.push(JSON.parse(parsed.payload.toString('utf8')) as Record<string, unknown>);
        for (const wake of this.waiters.splice(0)) wake();
      } else if (parsed.opcode === OP_PING) {
        this.socket?.write(frame(OP_PONG, parsed.payload));
      } else if (parsed.opcode === OP_CLOSE) {
        this.socket?.end(frame(OP_CLOSE, parsed.payload));
        this.socket = null;
      }
    }
  }
}

/** A server frame: FIN set, never masked. */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/** A client frame (always masked), or null until the whole frame has arrived. Fragmentation is not needed here. */
function parseFrame(buffer: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (buffer.length < 2) return null;
  const opcode = (buffer[0] as number) & 0x0f;
  const masked = ((buffer[1] as number) & 0x80) !== 0;
  let length = (buffer[1] as number) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskSize = masked ? 4 : 0;
  if (buffer.length < offset + maskSize + length) return null;
  const mask = buffer.subarray(offset, offset + maskSize);
  const payload = Buffer.from(buffer.subarray(offset + maskSize, offset + maskSize + length));
  if (masked) for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
  return { opcode, payload, size: offset + maskSize + length };
}
