import { ApiError } from './errors';

/** The request body as JSON, or a 400 that says it is not. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ApiError(400, 'request body must be valid JSON');
  }
}
