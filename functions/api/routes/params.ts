/** Shared query schemas and id checks for listing routes. */
import * as z from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import { idSchema } from '../../../shared/domain/listing-common';
import { fenSchema } from '../../../shared/domain/money';

/** An id that is not even well-formed cannot exist: 404, same as a missing one. */
export function checkId(id: string): string {
  if (!idSchema.safeParse(id).success) throw new DomainError('not_found');
  return id;
}

const intFromQuery = (schema: z.ZodNumber) => z.string().regex(/^\d{1,15}$/, { message: 'must be a whole number' }).transform(Number).pipe(schema);

export const pageQuery = {
  limit: intFromQuery(z.number().int().min(1).max(100)).optional().describe('Page size, 1–100 (default 20)'),
  cursor: z.string().max(1024).optional().describe('Opaque cursor from the previous page’s nextCursor'),
};

export const fenQuery = () => intFromQuery(fenSchema);
export const trlQuery = () => intFromQuery(z.number().int().min(1).max(9));
export const boolQuery = () => z.enum(['true', 'false']).transform((v) => v === 'true');

/** An action route takes no body; an empty JSON object is accepted for clients that always send one. */
export const emptyBody = z.object({}).strict();
