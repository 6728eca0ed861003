/**
 * What every request handler gets — the API's routes and the pages alike: its dependencies and the
 * caller. Both front doors depend on this; neither depends on the other.
 */
import type { Principal, Role } from '../auth/principal';
import type { TokenVerifier } from '../auth/verify-token';
import type { Db } from '../db/client';
import type { ObjectStore } from '../files/object-store';
import type { SearchIndex } from '../search/search-index';
import type { RateLimit } from '../db/rate-limits';
import type { LocalIssuer } from '../auth/local-issuer';

export interface HostedUiConfig {
  /**
   * The authorization server's base URL: `https://<prefix>.auth.<region>.amazoncognito.com` in AWS, or
   * a path such as `/api/v1/dev` that is resolved against the site's origin (the local issuer).
   */
  baseUrl: string;
  clientId: string;
  /** How the server calls the token endpoint; the local runner answers it in-process. Defaults to fetch. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

export interface WebConfig {
  /**
   * The site's public origin (e.g. the CloudFront URL). Behind CloudFront and API Gateway the request's
   * own URL names API Gateway, so redirects and the form-post origin check use this instead.
   */
  origin?: string;
  hostedUi?: HostedUiConfig;
}

export interface DemoAccount {
  id: string;
  displayName: string;
  /** Cognito groups the account is in (its role). Empty for a newcomer who has yet to register an organisation. */
  groups: Role[];
  orgId: string | null;
  orgName: string | null;
}

export interface DevAccounts {
  issuer: LocalIssuer;
  accounts: DemoAccount[];
  /**
   * The local stand-in for the hosted sign-in page (choose a demo account), drawn by the pages' own
   * layout: the runner passes it in, so the API's dev routes need not import the pages.
   */
  signInPage(view: { lang: 'zh' | 'en'; path: string; request: Record<string, string> }, accounts: DemoAccount[]): string;
}

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
