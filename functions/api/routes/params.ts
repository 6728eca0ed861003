/** Id checks and the empty action body for the API's routes (query schemas: shared/http/queries.ts). */
import * as z from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import { idSchema } from '../../../shared/domain/listing-common';

/** An id that is not even well-formed cannot exist: 404, same as a missing one. */
export function checkId(id: string): string {
  if (!idSchema.safeParse(id).success) throw new DomainError('not_found');
  return id;
}

/** An action route takes no body; an empty JSON object is accepted for clients that always send one. */
export const emptyBody = z.object({}).strict();
