// Request and response bodies of the HTTP API, shared by server and client.
import { z } from 'zod/mini';
import { DeviceIdSchema, SessionTokensSchema } from './security';
import { SessionUserSchema } from './team';

export const LoginRequestSchema = z.object({
  username: z.string().check(z.minLength(1, 'username is required'), z.maxLength(64)),
  password: z.string().check(z.minLength(1, 'password is required'), z.maxLength(256)),
  /** The device's id from an earlier sign-in; a new device gets one. */
  deviceId: z.optional(DeviceIdSchema),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = SessionTokensSchema;
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: SessionUserSchema });

export const DocsResponseSchema = z.object({
  docs: z.array(z.string()),
  window: z.object({ from: z.string(), to: z.string() }),
});
export type DocsResponse = z.infer<typeof DocsResponseSchema>;

export const ErrorResponseSchema = z.object({ error: z.string(), requestId: z.optional(z.string()) });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** The sync window a device holds: plan/exec docs from yesterday to this many days ahead. */
export const SYNC_DAYS_BACK = 1;
export const SYNC_DAYS_AHEAD = 7;
/** A scheduler's window: the continuity period back, two weeks ahead to plan. */
export const SCHEDULER_DAYS_BACK = 14;
export const SCHEDULER_DAYS_AHEAD = 14;
