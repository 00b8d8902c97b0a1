// One client's channel to one document, whatever carries it (a WebSocket of
// its own, or a frame stream multiplexed over a shared one). Checks access,
// loads the room, buffers messages that arrive while it loads.
import { CLOSE_CODES, docAccess, heldOnDevices, parseDocName, type DocAccess, type SessionUser } from '../../domain';
import type { Logger } from '../logger';
import type { Directory } from '../store/types';
import type { Peer, Room } from './room';
import type { RoomManager } from './room-manager';
import { SyncSession, type SessionInfo } from './sync-session';

export type ChannelDeps = { rooms: RoomManager; directory: Directory; log: Logger };

export type AccessResult = { ok: true; access: Exclude<DocAccess, 'none'> } | { ok: false; code: typeof CLOSE_CODES.forbidden };

/** May this user sync this doc, and how? Decided from the name alone. */
/** What decides whether devices may still hold an ended recipient's docs: today and RETENTION_DAYS_AFTER_END. */
export type RetentionCheck = { today: string; days: number };

export function channelAccess(directory: Directory, user: SessionUser, docName: string, retention?: RetentionCheck): AccessResult {
  const ref = parseDocName(docName);
  let access = ref ? docAccess(user, ref, (id) => directory.teamOfBrukare(id)) : 'none';
  // Past the retention period an ended recipient's docs leave every device: none may fetch them again.
  if (retention && (ref?.kind === 'brukare' || ref?.kind === 'journal') && !heldOnDevices(directory.recipientEndedOn(ref.brukareId), retention.today, retention.days)) access = 'none';
  return access === 'none' ? { ok: false, code: CLOSE_CODES.forbidden } : { ok: true, access };
}

export class Channel {
  readonly docName: string;
  readonly #deps: ChannelDeps;
  readonly #peer: Peer;
  readonly #userId: string;
  readonly #access: Exclude<DocAccess, 'none'>;
  #session: SyncSession | null = null;
  #room: Room | null = null;
  #buffer: Uint8Array[] = [];
  #ended = false;
  readonly #onWrite: SessionInfo['onWrite'];

  /** The access this channel was opened with (read or write); a change of role needs a new channel. */
  get access(): Exclude<DocAccess, 'none'> {
    return this.#access;
  }

  constructor(deps: ChannelDeps, docName: string, userId: string, access: Exclude<DocAccess, 'none'>, peer: Peer, onWrite?: SessionInfo['onWrite']) {
    this.#onWrite = onWrite;
    this.#deps = deps;
    this.docName = docName;
    this.#userId = userId;
    this.#access = access;
    this.#peer = peer;
  }

  /** Loads the room and sends sync step 1; a load failure closes with 1011. */
  async start(): Promise<void> {
    let room: Room;
    try {
      room = await this.#deps.rooms.acquire(this.docName);
    } catch (err) {
      this.#deps.log.error('room_load_failed', { doc: this.docName, error: err instanceof Error ? err.message : 'unknown' });
      this.#peer.close(CLOSE_CODES.serverError, 'server error, reconnect');
      return;
    }
    this.#room = room;
    try {
      if (this.#ended) return;
      const session = new SyncSession(room, this.#peer, { userId: this.#userId, docName: this.docName, access: this.#access, onWrite: this.#onWrite }, this.#deps.log);
      this.#session = session;
      await session.start();
      for (const data of this.#buffer.splice(0)) void session.receive(data);
    } finally {
      this.#deps.rooms.release(room);
    }
  }

  receive(data: Uint8Array): void {
    if (this.#ended) return;
    if (this.#session) void this.#session.receive(data);
    else this.#buffer.push(data); // the room is still loading
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#buffer = [];
    this.#session?.end();
    if (this.#room) this.#deps.rooms.releaseIfIdle(this.#room);
  }
}
