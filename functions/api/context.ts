/** What every route handler gets: its dependencies and the caller. */
import type { Principal } from '../../shared/auth/principal';
import type { TokenVerifier } from '../../shared/auth/verify-token';
import type { Db } from '../../shared/db/client';
import type { ObjectStore } from '../../shared/files/object-store';
import type { SearchIndex } from '../../shared/search/search-index';
import type { RateLimit } from '../../shared/db/rate-limits';
import type { WebConfig } from '../../web/sign-in';
import type { DevAccounts } from './routes/dev';

export interface ApiDeps {
  db: Db;
  verifyToken: TokenVerifier;
  now: () => Date;
  /** Where the API runs, reported by /health. */
  mode: 'lambda' | 'local';
  /** The public halls and matching read from here; the indexer keeps it in step with the table. */
  search: SearchIndex;
  /** Attachment bytes (S3); unset: the file routes answer 503 files_unavailable. */
  files?: ObjectStore;
  /** Writes per signed-in person per window (API and form posts alike); unset: no limit. */
  rateLimit?: RateLimit;
  /** The pages' public origin and the sign-in (hosted UI) they send people to. */
  web?: WebConfig;
  /** Verifies the signed unsubscribe links in mail (MAIL_LINK_SECRET); unset: those links answer 503. */
  mail?: { linkSecret: string };
  /** Local runner only: the demo accounts and the token issuer. Never set in Lambda. */
  dev?: DevAccounts;
}

export interface ApiEnv {
  Variables: {
    deps: ApiDeps;
    principal: Principal | null;
    /** From the platform (API Gateway / x-request-id) or generated: ties audit records to requests. */
    requestId: string;
    /** Pages only: the CSRF token that every form posts back (double-submit with an HttpOnly cookie). */
    csrf: string;
    /** Pages only: the signed-in person's unread messages, for the header. */
    unread?: number;
  };
}
