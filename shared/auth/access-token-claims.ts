/**
 * Cognito puts custom attributes only into ID tokens; the app authorizes with ACCESS tokens and reads
 * the organisation from `custom:orgId` there (see principal.ts). The pre-token-generation trigger (V2
 * event, the version that can change access tokens) copies the attribute across with this function.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

export const ORG_ID_CLAIM = 'custom:orgId';

export function withOrgIdInAccessToken<E extends PreTokenGenerationV2TriggerEvent>(event: E): E {
  const orgId = event.request.userAttributes[ORG_ID_CLAIM];
  event.response = {
    ...event.response,
    claimsAndScopeOverrideDetails: {
      ...event.response?.claimsAndScopeOverrideDetails,
      // A member without an organisation yet gets no claim at all (never an empty string).
      accessTokenGeneration: orgId ? { claimsToAddOrOverride: { [ORG_ID_CLAIM]: orgId } } : {},
    },
  };
  return event;
}

/**
 * What sign-in tells mail about a person: the address only if Cognito verified it, the name, the
 * organisation attribute and whether they are in the admin group.
 */
export function personFromSignIn(event: PreTokenGenerationV2TriggerEvent) {
  const a = event.request.userAttributes;
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  return {
    sub: a.sub ?? event.userName,
    email: a.email && a.email_verified === 'true' ? a.email : null,
    name: a.name ?? a.preferred_username ?? event.userName,
    orgId: a[ORG_ID_CLAIM] ?? null,
    isAdmin: groups.includes('admin'),
  };
}
