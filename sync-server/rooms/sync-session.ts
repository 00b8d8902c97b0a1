// One client's sync over one socket: speaks the y-websocket protocol (sync
// steps, updates; awareness is accepted and ignored) plus Slinga's ack
// extension for clients that asked for it. Does no socket I/O of its own: it
// gets bytes in and hands bytes to its Peer.
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CLOSE_CODES, CLOSE_REASONS, MAX_MESSAGE_BYTES, MESSAGE_TYPE, changeRangesOfUpdate, isCovered, serverStateOf, type DocAccess } from '../../domain';
import type { Logger } from '../logger';
import type { Peer, Room, RootChanges } from './room';

export type SessionInfo = {
  userId: string;
  docName: string;
  access: Exclude<DocAccess, 'none'>;
  /** Called after a write of this client's is persisted, with what it changed (for the audit log). */
  onWrite?: ((changes: RootChanges) => void) | undefined;
};

export class SyncSession {
  readonly #room: Room;
  readonly #peer: Peer;
  readonly #info: SessionInfo;
  readonly #log: Logger;
  #closed = false;
  #refusedWrites = 0;

  constructor(room: Room, peer: Peer, info: SessionInfo, log: Logger) {
    this.#room = room;
    this.#peer = peer;
    this.#info = info;
    this.#log = log;
  }

  /** Joins the room and sends sync step 1. */
  start(): Promise<void> {
    return this.#room.enqueue(() => {
      if (this.#closed) return;
      this.#room.peers.add(this.#peer);
      this.#peer.send(this.#room.syncStep1());
    });
  }

  /** Handles one binary message; malformed input closes this connection only. */
  receive(data: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (data.byteLength > MAX_MESSAGE_BYTES) {
      this.#closeWith(CLOSE_CODES.messageTooLarge);
      return Promise.resolve();
    }
    return this.#room.enqueue(() => this.#handle(data)).catch((err: unknown) => {
      this.#log.error('sync_message_failed', { doc: this.#info.docName, error: err instanceof Error ? err.message : 'unknown' });
      this.#closeWith(CLOSE_CODES.serverError);
    });
  }

  /** The socket closed: leave the room. */
  end(): void {
    this.#closed = true;
    this.#room.peers.delete(this.#peer);
  }

  #closeWith(code: (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES]): void {
    if (this.#closed) return;
    this.end();
    this.#peer.close(code, CLOSE_REASONS[code]);
  }

  async #handle(data: Uint8Array): Promise<void> {
    if (this.#closed) return;
    let messageType: number;
    const decoder = decoding.createDecoder(data);
    try {
      messageType = decoding.readVarUint(decoder);
    } catch {
      return this.#closeWith(CLOSE_CODES.malformedMessage);
    }
    switch (messageType) {
      case MESSAGE_TYPE.sync:
        return this.#handleSync(decoder);
      case MESSAGE_TYPE.awareness:
        // Presence is not shared between users in Slinga. The message is echoed to
        // its sender only: y-websocket clients reconnect after 30 s without any
        // message, and their periodic awareness renewal is what keeps them alive.
        try {
          decoding.readVarUint8Array(decoder);
        } catch {
          return this.#closeWith(CLOSE_CODES.malformedMessage);
        }
        this.#peer.send(data);
        return;
      case MESSAGE_TYPE.queryAwareness:
        return;
      default:
        return this.#closeWith(CLOSE_CODES.malformedMessage);
    }
  }

  /** Read-only: nothing is applied. An update that would change the doc is logged (ids only). */
  #refuseWrite(update: Uint8Array): void {
    let attempted: boolean;
    try {
      attempted = !isCovered(changeRangesOfUpdate(update), serverStateOf(this.#room.doc));
    } catch {
      return this.#closeWith(CLOSE_CODES.malformedMessage);
    }
    if (attempted && this.#refusedWrites++ === 0) {
      this.#log.warn('write_refused', { doc: this.#info.docName, user: this.#info.userId });
    }
  }

  async #handleSync(decoder: decoding.Decoder): Promise<void> {
    let subType: number;
    let payload: Uint8Array;
    try {
      subType = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      return this.#closeWith(CLOSE_CODES.malformedMessage);
    }
    switch (subType) {
      case syncProtocol.messageYjsSyncStep1: {
        let reply: Uint8Array;
        try {
          reply = this.#room.syncStep2(payload);
        } catch {
          return this.#closeWith(CLOSE_CODES.malformedMessage);
        }
        this.#peer.send(reply);
        // The first ack follows the server's content (step 2), so that a client
        // that counts acked docs as "synced" has the server's state by then; it
        // also tells the client which of its changes are already safe.
        if (this.#peer.wantsAck) this.#peer.send(this.#room.ackMessage());
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        if (this.#info.access !== 'write') return this.#refuseWrite(payload);
        const changes: RootChanges | undefined = this.#info.onWrite ? new Map() : undefined;
        const result = await this.#room.applyUpdate(payload, this.#peer, changes);
        if (result === 'malformed') return this.#closeWith(CLOSE_CODES.malformedMessage);
        if (result === 'store_failed') return; // the room closed every peer with 1011
        if (result === 'applied' && changes && changes.size > 0) this.#info.onWrite?.(changes);
        if (this.#peer.wantsAck) this.#peer.send(this.#room.ackMessage());
        return;
      }
      default:
        return this.#closeWith(CLOSE_CODES.malformedMessage);
    }
  }
}
