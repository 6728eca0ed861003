/**
 * A complete page outside the site's layout, with a minimal style of its own: for the local runner's
 * pages that are not the site (the demo-token page of the local issuer).
 */
import { escapeHtml } from '../text/escape-html';

/** A complete zh-CN page with the shared minimal style. `body` must already be escaped HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f2933; background: #f7f9fb; }
  main { max-width: 960px; margin: 0 auto; padding: 24px 16px; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 8px; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
  button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #2f6fde; background: #2f6fde; color: #fff; cursor: pointer; }
  button:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  textarea { width: 100%; min-height: 8rem; font-family: ui-monospace, monospace; font-size: .85rem; }
  .muted { color: #616e7c; font-size: .9rem; }
  code { background: #eef2f7; padding: 1px 4px; border-radius: 4px; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}
