/** What every route handler gets: its dependencies and the caller. */
import type { Principal } from '../../shared/auth/principal';
import type { TokenVerifier } from '../../shared/auth/verify-token';
import type { Db } from '../../shared/db/client';
import type { DevAccounts } from './routes/dev';

export interface ApiDeps {
  db: Db;
  verifyToken: TokenVerifier;
  now: () => Date;
  /** Where the API runs, reported by /health. */
  mode: 'lambda' | 'local';
  /** The search engine in use, reported by /health (the matching work adds one). */
  searchEngine: string;
  /** Local runner only: the demo accounts and the token issuer. Never set in Lambda. */
  dev?: DevAccounts;
}

export interface ApiEnv {
  Variables: {
    deps: ApiDeps;
    principal: Principal | null;
  };
}
