/**
 * Re-runs a read-check-write command when its conditional write lost a race (version_conflict): the
 * command reads again and re-applies every rule, so a retry can only succeed if it is still allowed.
 */
import { DomainError } from '../domain/errors';

export async function retryOnConflict<T>(command: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await command();
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'version_conflict') || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 15 * attempt));
    }
  }
}
