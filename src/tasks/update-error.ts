import type { AccessError } from './permissions.js';
import type { ResolveError } from './resolve.js';
import type { UpdateInputError } from './update-input.js';

/** Every reason an update is refused (closed union; messages/vi-progress.ts renders each code). */
export type UpdateError = UpdateInputError | ResolveError | AccessError;
