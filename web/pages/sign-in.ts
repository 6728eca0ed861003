/** Pages of signing in: the local issuer's demo account picker, and a sign-in that did not complete. */
import { escapeHtml } from '../../shared/text/escape-html';
import { layout, type PageContext } from '../layout';

const ROLE_LABELS: Record<string, [string, string]> = {
  university: ['高校/院所', 'University / institute'],
  enterprise: ['企业', 'Enterprise'],
  transfer_center: ['技术转移中心', 'Transfer center'],
  admin: ['市科技局管理员', 'Bureau admin'],
};

export interface PickerAccount {
  id: string;
  displayName: string;
  groups: string[];
  orgName: string | null;
}

/**
 * The local stand-in for Cognito's hosted sign-in page: choose a demo account. Each button posts the
 * authorization request back with the account, and the issuer redirects to the site's callback with a code.
 */
export function accountPickerPage(ctx: PageContext, accounts: PickerAccount[], request: Record<string, string>): string {
  const zh = ctx.lang === 'zh';
  const hidden = Object.entries(request)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const rows = accounts
    .map((a) => {
      const roles = a.groups.map((g) => ROLE_LABELS[g]?.[zh ? 0 : 1] ?? g).join(zh ? '、' : ', ') || (zh ? '新用户（未加入机构）' : 'Newcomer (no organisation)');
      const label = zh ? `以${a.displayName}登录` : `Sign in as ${a.displayName}`;
      return `<tr><td>${escapeHtml(a.displayName)}</td><td>${escapeHtml(roles)}</td><td>${escapeHtml(a.orgName ?? '—')}</td>
<td><form method="post">${hidden}<input type="hidden" name="account" value="${escapeHtml(a.id)}"><button type="submit" aria-label="${escapeHtml(label)}">${zh ? '登录' : 'Sign in'}</button></form></td></tr>`;
    })
    .join('');
  return layout(
    ctx,
    zh ? '登录' : 'Sign in',
    `<h1>${zh ? '演示登录' : 'Demo sign-in'}</h1>
<p class="summary">${zh ? '本地运行时由本地签发方代替统一身份认证（Cognito 托管登录）：选择一个演示账号即可登录。部署到 AWS 后，此处是 Cognito 的登录页。' : 'Locally, the local issuer stands in for Cognito’s hosted sign-in: choose a demo account. Deployed to AWS, this is Cognito’s sign-in page.'}</p>
<table class="list"><thead><tr><th scope="col">${zh ? '账号' : 'Account'}</th><th scope="col">${zh ? '角色' : 'Role'}</th><th scope="col">${zh ? '机构' : 'Organisation'}</th><th scope="col"><span class="skip">${zh ? '操作' : 'Action'}</span></th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** The sign-in came back refused, expired or unverifiable: say so and offer to start again. */
export function signInFailedPage(ctx: PageContext, reason: 'denied' | 'expired' | 'unavailable'): string {
  const zh = ctx.lang === 'zh';
  const text = {
    denied: ['登录未完成：登录页没有授权本站。', 'Sign-in was not completed: the sign-in page did not authorise this site.'],
    expired: ['这次登录已过期或不属于本浏览器，请重新登录。', 'This sign-in has expired or did not start in this browser. Please sign in again.'],
    unavailable: ['暂时无法完成登录，请稍后重试。', 'Sign-in cannot be completed right now. Please try again shortly.'],
  }[reason];
  return layout(
    ctx,
    zh ? '登录未完成' : 'Sign-in not completed',
    `<h1>${zh ? '登录未完成' : 'Sign-in not completed'}</h1><p role="alert">${escapeHtml(text[zh ? 0 : 1])}</p><p><a class="button" href="/login">${zh ? '重新登录' : 'Sign in again'}</a></p>`,
  );
}
