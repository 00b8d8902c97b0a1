// Sessions, devices and the audit log: the wire shapes shared by the server
// and the PWA, and the device policy the server hands out at sign-in.
import { z } from 'zod/mini';
import { IdSchema, InstantSchema } from './ids';
import { SessionUserSchema } from './team';

/** A device id: issued by the server at the device's first sign-in. */
export const DeviceIdSchema = z.string().check(z.regex(/^dev-[A-Za-z0-9_-]{16,64}$/, 'not a device id'));

/** What the device must enforce on its own, offline too. */
export const DevicePolicySchema = z.object({
  /** Lock the app after this many minutes without use. */
  lockAfterMinutes: z.number().check(z.gt(0), z.lte(24 * 60)),
  /** Wipe the device's local data when it has not reached the server for this many days. */
  wipeAfterOfflineDays: z.number().check(z.gt(0), z.lte(365)),
  /** Wrong PINs in a row that wipe the device. */
  maxPinAttempts: z.number().check(z.int(), z.gte(1), z.lte(20)),
});
export type DevicePolicy = z.infer<typeof DevicePolicySchema>;

export const PIN_PATTERN = /^\d{4,6}$/;

/** Sessions end on the server; these tell the client why (the body's `code`). */
export const AUTH_ERROR_CODES = {
  /** Token missing, malformed, forged or expired: refresh or sign in again. */
  invalid: 'invalid_token',
  /** The session ended (signed out, or expired): sign in again; local data may stay. */
  ended: 'session_ended',
  /** The user or the device was revoked: wipe the device's local data. */
  revoked: 'revoked',
  /** Too many failed sign-ins. */
  locked: 'locked',
} as const;

export const SessionTokensSchema = z.object({
  /** Short-lived access token (Bearer, and the sync socket's `token` parameter). */
  token: z.string(),
  expiresAt: z.string(),
  /** Long-lived, revocable, bound to this device; only for POST /api/session/refresh. */
  refreshToken: z.string(),
  refreshExpiresAt: z.string(),
  deviceId: DeviceIdSchema,
  user: SessionUserSchema,
  policy: DevicePolicySchema,
  /**
   * The device's wrap secret (base64url, 32 bytes): with the PIN it unlocks the
   * key that encrypts the device's data. Withheld once the device is revoked.
   */
  deviceSecret: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'not a device secret')),
  /**
   * The device's escrow key (base64url, 32 bytes), only in the answer to a
   * sign-in and never stored on the device: it opens the data key again when
   * the PIN was forgotten.
   */
  escrowKey: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'not an escrow key'))),
});
export type SessionTokens = z.infer<typeof SessionTokensSchema>;

export const RefreshRequestSchema = z.object({ refreshToken: z.string().check(z.minLength(20), z.maxLength(200)) });

/** Reads made on the device (offline too), uploaded at the next sync. */
export const DEVICE_AUDIT_ACTIONS = ['recipient_opened', 'door_info_revealed', 'journal_opened'] as const;
export const DeviceAuditEventSchema = z.object({
  /** Client-made id: an upload repeated after a lost answer records each event once. */
  id: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, 'not an event id')),
  action: z.enum(DEVICE_AUDIT_ACTIONS),
  brukareId: IdSchema,
  /** The device's clock when the read happened. */
  at: InstantSchema,
});
export type DeviceAuditEvent = z.infer<typeof DeviceAuditEventSchema>;
export const MAX_AUDIT_EVENTS_PER_UPLOAD = 500;
export const AuditUploadSchema = z.object({ events: z.array(DeviceAuditEventSchema).check(z.maxLength(MAX_AUDIT_EVENTS_PER_UPLOAD)) });

/** One line of "who has looked at this recipient, and when". */
export const RecipientAccessSchema = z.object({
  seq: z.number(),
  at: z.string(),
  deviceAt: z.nullable(z.string()),
  action: z.string(),
  actorId: z.nullable(z.string()),
  actorName: z.nullable(z.string()),
  deviceId: z.nullable(z.string()),
});
export type RecipientAccess = z.infer<typeof RecipientAccessSchema>;
export const RecipientAccessResponseSchema = z.object({ entries: z.array(RecipientAccessSchema) });

export const AdminUserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  name: z.string(),
  role: z.string(),
  teamIds: z.array(IdSchema),
  revokedAt: z.nullable(z.string()),
});
export const AdminDeviceSchema = z.object({
  id: DeviceIdSchema,
  userId: z.nullable(z.string()),
  userName: z.nullable(z.string()),
  createdAt: z.string(),
  lastSeenAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;
export type AdminDevice = z.infer<typeof AdminDeviceSchema>;
