/**
 * Every failure the marketplace reports has a stable code, an English and a Chinese sentence, and a kind
 * that the API maps to an HTTP status. Codes never change once shipped: clients branch on them.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldIssue {
  /** Dotted path into the request, e.g. `price.minFen` or `keywords.2`; '' for the whole body. */
  path: string;
  code: string;
  message: string;
  messageZh: string;
}

const CATALOGUE = {
  validation_failed: ['invalid', 'The request is not valid.', '请求内容不符合要求。'],
  malformed_json: ['invalid', 'The request body is not valid JSON.', '请求体不是合法的 JSON。'],
  invalid_cursor: ['invalid', 'The pagination cursor is not valid for this list.', '分页游标无效。'],
  invalid_if_match: ['invalid', 'If-Match must be the version number from the ETag, e.g. "3".', 'If-Match 必须是 ETag 中的版本号，例如 "3"。'],
  unsupported_media_type: ['unsupported_media_type', 'Send the body as application/json.', '请求体须为 application/json。'],
  payload_too_large: ['payload_too_large', 'The request body is too large.', '请求体过大。'],
  unauthenticated: ['unauthenticated', 'Sign in first: a valid access token is required.', '请先登录：需要有效的访问令牌。'],
  invalid_token: ['unauthenticated', 'The access token is invalid or expired.', '访问令牌无效或已过期。'],
  auth_unavailable: ['unavailable', 'Sign-in keys cannot be fetched right now. Try again shortly.', '暂时无法获取登录密钥，请稍后重试。'],
  forbidden: ['forbidden', 'You may not do this.', '您无权执行此操作。'],
  role_required: ['forbidden', 'Your role may not do this.', '您的角色无权执行此操作。'],
  not_owner: ['forbidden', 'Only the owning organisation may change this.', '只有所属机构可以修改此内容。'],
  organisation_required: ['forbidden', 'Register or join an organisation first.', '请先注册或加入机构。'],
  organisation_type_mismatch: ['forbidden', 'Your organisation type may not do this.', '您所在机构的类型无权执行此操作。'],
  organisation_not_verified: ['forbidden', 'Your organisation must be verified by the bureau before publishing.', '机构须经市科技局认证后方可发布。'],
  already_member: ['conflict', 'You already belong to an organisation.', '您已属于某个机构。'],
  credit_code_taken: ['conflict', 'An organisation with this unified social credit code is already registered.', '该统一社会信用代码已被注册。'],
  not_found: ['not_found', 'Not found.', '未找到。'],
  route_not_found: ['not_found', 'No such route.', '接口不存在。'],
  version_required: ['precondition_required', 'Send If-Match with the version you read, to avoid overwriting another change.', '请在 If-Match 中提供读取时的版本号，以免覆盖他人的修改。'],
  version_conflict: ['conflict', 'Someone changed this since you read it. Reload and try again.', '内容在您读取后已被修改，请刷新后重试。'],
  invalid_transition: ['conflict', 'This action is not allowed in the current status.', '当前状态下不允许此操作。'],
  not_editable: ['conflict', 'This listing can no longer be edited in its current status.', '当前状态下不可编辑。'],
  deadline_passed: ['invalid', 'The deadline has passed.', '截止日期已过。'],
  challenge_terms_locked: ['conflict', 'A published challenge may not lower its bounty, shorten its deadline or withdraw acceptance criteria.', '揭榜挂帅发布后，不得降低榜额、提前截止日期或撤回验收指标。'],
  challenge_withdrawal_forbidden: ['conflict', 'A published challenge cannot be withdrawn before its deadline.', '揭榜挂帅发布后，截止日期前不得撤榜。'],
  interest_already_open: ['conflict', 'Your organisation already has an open interest in this listing.', '贵机构对该条目已有未处理的意向。'],
  listing_not_open: ['conflict', 'This listing is not open for interest.', '该条目当前不接受意向。'],
  contract_not_registered: ['conflict', 'The contract must be registered (认定登记) first.', '合同须先完成认定登记。'],
  over_claimable: ['conflict', 'The claim is more than what is claimable now.', '申领金额超过当前可申领金额。'],
  separation_of_duties: ['forbidden', 'An admin who verified this contract’s payments may not decide its claims.', '核验过该合同到账的管理员不能审批其奖励申领。'],
  policy_overlap: ['conflict', 'Another policy is in force for part of this window.', '该有效期与已有政策重叠。'],
  idempotency_key_required: ['precondition_required', 'Send an Idempotency-Key header so a retry cannot claim twice.', '请提供 Idempotency-Key 请求头，以免重试导致重复申领。'],
  idempotency_key_reused: ['conflict', 'This Idempotency-Key was used with a different request.', '该 Idempotency-Key 已用于不同的请求。'],
  attachment_required: ['conflict', 'A required file is missing: upload it first.', '缺少必需的附件，请先上传。'],
  upload_expired: ['conflict', 'This upload expired before it was completed. Start the upload again.', '上传已过期，请重新上传。'],
  upload_not_received: ['conflict', 'The file has not arrived in storage. Upload it, then confirm.', '文件尚未上传到存储，请上传后再确认。'],
  upload_already_confirmed: ['conflict', 'This upload is already attached.', '该文件已添加。'],
  files_locked: ['conflict', 'These files are part of a decided record and can no longer be changed.', '附件已随记录审定，不可再更改。'],
  files_unavailable: ['unavailable', 'File storage is unavailable right now. Try again shortly; nothing was changed.', '文件存储暂时不可用，请稍后重试；本次未做任何修改。'],
  program_closed: ['conflict', 'No rule of this program is in force today.', '该项目今日不在受理期内。'],
  nothing_due: ['conflict', 'Nothing more can be applied for under this program now: the verified base is already covered or the cap is reached.', '当前没有可申请的金额：已核验的基数已全部申请，或已达上限。'],
  not_transferred: ['conflict', 'The team reward needs the project’s transfer contract, registered and with a verified payment.', '团队奖励须先关联已认定登记且有核验到账的成果转化合同。'],
  already_granted: ['conflict', 'This institution has already applied for the one-off start-up grant.', '该机构已申请过一次性启动费用。'],
  review_required: ['conflict', 'An application is reviewed before it is decided.', '申请须先经审核，方可审批。'],
  separation_of_duties_program: ['forbidden', 'An admin who reviewed this application or verified what it rests on may not decide it.', '审核过该申请或核验过其依据的管理员不能审批该申请。'],
  thread_not_open: ['conflict', 'Messages open once the interest or proposal is accepted.', '意向或揭榜方案被接受后才能发送消息。'],
  unsubscribe_link_invalid: ['invalid', 'This unsubscribe link is not valid. Change your mail settings after signing in.', '退订链接无效，请登录后在邮件设置中修改。'],
  rate_limited: ['rate_limited', 'Too many changes in a short time. Wait a moment and try again; nothing was changed.', '短时间内提交过于频繁，请稍候再试；本次未做任何修改。'],
  search_unavailable: ['unavailable', 'Search is unavailable right now. Try again shortly; no listing is lost.', '搜索服务暂时不可用，请稍后重试；数据不受影响。'],
  storage_timeout: ['unavailable', 'The database did not answer in time, so this change may or may not have been made. Reload to check before trying again.', '数据库未及时响应，本次修改可能已生效也可能未生效，请先刷新查看再决定是否重试。'],
  storage_unavailable: ['unavailable', 'The database is unavailable. Try again shortly; nothing was changed.', '数据库暂时不可用，请稍后重试；本次未做任何修改。'],
  internal: ['internal', 'Something went wrong on our side.', '服务器内部错误。'],
} as const satisfies Record<string, readonly [ErrorKind, string, string]>;

export type ErrorCode = keyof typeof CATALOGUE;

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly messageZh: string;
  constructor(
    readonly code: ErrorCode,
    readonly issues: FieldIssue[] = [],
    options?: { cause?: unknown; detail?: string; detailZh?: string; retryAfterSeconds?: number },
  ) {
    const [kind, en, zh] = CATALOGUE[code];
    super(options?.detail ?? en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.kind = kind;
    this.messageZh = options?.detailZh ?? zh;
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
  /** For `rate_limited` and `unavailable`: when a retry may succeed (the Retry-After header). */
  readonly retryAfterSeconds?: number;
}

export function errorTitle(code: ErrorCode): { en: string; zh: string } {
  const [, en, zh] = CATALOGUE[code];
  return { en, zh };
}

/** A field-level failure of a domain rule (as opposed to a schema failure), reported like a zod issue. */
export function fieldIssue(path: string, code: string, message: string, messageZh: string): FieldIssue {
  return { path, code, message, messageZh };
}
