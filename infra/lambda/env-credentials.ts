/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (infra/bundling.ts aliases
 * it). A Lambda function's credentials are always its execution role's, handed over in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN). The SDK's default chain also knows
 * SSO, profiles, web identity, container and instance metadata: about 90 KB of the api bundle, with two
 * nested clients, that a function never uses. Locally and in tests nothing is bundled and the SDK's own
 * chain applies.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
