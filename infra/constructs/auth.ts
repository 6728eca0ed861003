/**
 * Who signs people in.
 *
 * Commercial regions: a Cognito user pool. Groups are the roles (university, enterprise,
 * transfer_center, admin) and only an administrator can put someone in one (there is no self-service
 * group membership in Cognito, so self sign-up never reaches the admin group). `custom:orgId` is
 * readable but not writable by the app client; a pre-token-generation trigger (V2 event) copies it
 * into ACCESS tokens, which is what the app verifies, and refreshes the person record mail reads
 * (address, name, organisation; may update USER#… items only). The hosted UI does the OAuth2 authorization-code
 * + PKCE flow for the web (public client, no secret).
 *
 * AWS China: Cognito user pools are not offered in the China regions (CloudFormation there has no
 * AWS::Cognito::UserPool), so the stack takes an OpenID Connect issuer as CloudFormation parameters
 * instead. The app accepts Cognito-shaped access tokens only (token_use=access, client_id,
 * cognito:groups, custom:orgId), so that issuer must emit those claims — see infra/README.md.
 */
import { CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { acknowledge } from '../nag';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/auth/principal';
import type { Stage } from '../config';
import { functionSpec, marketFunction } from './functions';

/** What the api function and the HTTP API authorizer need to know about the token issuer. */
export interface AuthSettings {
  issuer: string;
  clientId: string;
  /** Only when the JWKS is not at `${issuer}/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** Base URL of the hosted sign-in pages (`/oauth2/authorize`, `/oauth2/token`, `/logout`). */
  hostedUiUrl: string;
  authorizer: HttpJwtAuthorizer;
}

const GROUP_DESCRIPTIONS: Record<(typeof ROLES)[number], string> = {
  university: 'University / research institute members: publish achievements',
  enterprise: 'Enterprise members: publish needs and challenges',
  transfer_center: 'Technology transfer center staff: contracts and payments',
  admin: 'Bureau administrators: verification, registration, rewards',
};

export class CognitoAuth extends Construct implements AuthSettings {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The pre-token-generation trigger (alarmed like the other functions). */
  readonly preTokenFunction: NodejsFunction;
  readonly domain: cognito.UserPoolDomain;
  readonly issuer: string;
  readonly clientId: string;
  readonly hostedUiUrl: string;
  readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: { stage: Stage; webOrigin: string; table: dynamodb.ITable; domainPrefix?: string }) {
    super(scope, id);
    const prod = props.stage === 'prod';

    // No cycle: the table depends on nothing, the function on the table, the user pool on the function.
    const preToken = (this.preTokenFunction = marketFunction(this, 'PreTokenGeneration', functionSpec('pre-token-generation'), {
      stage: props.stage,
      description: 'Cognito pre-token-generation (V2): custom:orgId into access tokens, the person record for mail',
      memorySize: 256,
      // Cognito waits 5 s for the trigger; the person write is one UpdateItem and its failure does not
      // fail the sign-in (functions/pre-token-generation/handler.ts).
      timeout: Duration.seconds(5),
      environment: { TABLE_NAME: props.table.tableName },
    }));
    // Only the person record (pk USER#<sub>, sk PERSON) is written, and only by UpdateItem.
    preToken.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
      }),
    );

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Universities and enterprises register themselves, then their organisation; roles (groups) are
      // granted by the bureau.
      selfSignUpEnabled: true,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { orgId: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Access-token customization (the V2 trigger event) needs Essentials or Plus; Plus adds threat
      // protection, worth its price in production.
      featurePlan: prod ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(prod ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preToken, cognito.LambdaVersion.V2_0);

    ROLES.forEach((role, precedence) => {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
        // Lower wins when a person is in several groups: admin first.
        precedence: role === 'admin' ? 0 : precedence + 1,
      });
    });

    this.domain = this.userPool.addDomain('HostedUi', {
      // Globally unique per region: the account id makes it so without a lookup.
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `tech-market-${props.stage}-${Stack.of(this).account}` },
    });

    const standard = { email: true, emailVerified: true, preferredUsername: true, fullname: true };
    this.client = this.userPool.addClient('WebClient', {
      // A public client: the browser flow uses PKCE, there is no secret to keep.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: [`${props.webOrigin}/auth/callback`],
        logoutUrls: [`${props.webOrigin}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
      readAttributes: new cognito.ClientAttributes().withStandardAttributes(standard).withCustomAttributes('orgId'),
      // custom:orgId is set by administrators (admin-update-user-attributes), never by the person.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, preferredUsername: true, fullname: true }),
    });

    this.issuer = this.userPool.userPoolProviderUrl;
    this.clientId = this.client.userPoolClientId;
    this.hostedUiUrl = this.domain.baseUrl();
    this.authorizer = new HttpJwtAuthorizer('CognitoAccessToken', this.issuer, {
      jwtAudience: [this.clientId],
      identitySource: ['$request.header.Authorization'],
    });

    acknowledge(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is optional (TOTP) rather than required: enterprise and university members sign in occasionally from shared office machines; the bureau can require it per user.',
      },
      ...(prod
        ? []
        : [
            {
              id: 'AwsSolutions-COG3',
              reason: 'dev uses the Essentials feature plan (no threat protection) to keep the test stage cheap; prod uses Plus with threat protection enforced.',
            },
            {
              id: 'AwsSolutions-COG8',
              reason: 'dev uses the Essentials feature plan (enough for access-token customization) to keep the test stage cheap; prod uses Plus.',
            },
          ]),
    ]);
  }
}

/** AWS China: an external OpenID Connect issuer, given as CloudFormation parameters at deploy time. */
export class ExternalAuth extends Construct implements AuthSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly jwksUrl: string;
  readonly hostedUiUrl: string;
  readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    const param = (name: string, description: string) => new CfnParameter(stack, name, { type: 'String', description, minLength: 1 }).valueAsString;
    this.issuer = param('AuthIssuer', 'OIDC issuer URL (iss of the access tokens), e.g. https://idp.example.cn/realms/tech-market');
    this.clientId = param('AuthClientId', 'OAuth client id of the web app (client_id claim of the access tokens)');
    this.jwksUrl = param('AuthJwksUrl', 'JWKS URL of the issuer');
    this.hostedUiUrl = param('AuthHostedUiUrl', 'Base URL of the issuer’s OAuth2 endpoints used by the web sign-in');
    this.authorizer = new HttpJwtAuthorizer('OidcAccessToken', this.issuer, {
      jwtAudience: [this.clientId],
      identitySource: ['$request.header.Authorization'],
    });
  }
}
