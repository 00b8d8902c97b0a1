// One typed HTTP error for expected failures; app.onError turns it into JSON
// ({ error, code? }) with a Retry-After header when there is one.
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends HTTPException {
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: ContentfulStatusCode, message: string, options: { code?: string; retryAfterSeconds?: number } = {}) {
    super(status, { message });
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
