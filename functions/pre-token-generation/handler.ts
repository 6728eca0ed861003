/** Lambda entry: Cognito pre-token-generation trigger (V2) — copies custom:orgId into the access token. */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { withOrgIdInAccessToken } from '../../shared/auth/access-token-claims';
import { instrumentHandler, observability } from '../../shared/observability/lambda';

const obs = observability('pre-token-generation');

export const handler = instrumentHandler(obs, 'TokensIssued', async (event: PreTokenGenerationV2TriggerEvent) => withOrgIdInAccessToken(event));
