/**
 * Who is calling. Built only from a verified access token (and, for members who registered their
 * organisation after their token was issued, their stored membership) — never from a request body.
 */
export const ROLES = ['university', 'enterprise', 'transfer_center', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  username: string;
  /** The acting role: `admin` if in that group, else the first marketplace group, else the role of the member's organisation type. */
  role: Role | null;
  orgId: string | null;
  isAdmin: boolean;
}

/** Claims as Cognito puts them in an access token (groups; organisation id added by a pre-token-generation trigger). */
export interface AccessClaims {
  sub: string;
  username?: string;
  'cognito:groups'?: string[];
  'custom:orgId'?: string;
}

export function principalFromClaims(claims: AccessClaims): Principal {
  const groups = (claims['cognito:groups'] ?? []).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  const isAdmin = groups.includes('admin');
  return {
    sub: claims.sub,
    username: claims.username ?? claims.sub,
    role: isAdmin ? 'admin' : (groups[0] ?? null),
    orgId: claims['custom:orgId'] ?? null,
    isAdmin,
  };
}

/** May this caller change an object owned by `ownerOrgId`? Admins may act on anything; members on their own. */
export function ownsOrAdmin(principal: Principal | null, ownerOrgId: string): boolean {
  return principal !== null && (principal.isAdmin || principal.orgId === ownerOrgId);
}

export function isMemberOf(principal: Principal | null, orgId: string): boolean {
  return principal !== null && principal.orgId === orgId;
}
