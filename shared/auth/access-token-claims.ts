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
