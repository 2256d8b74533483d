import type { IncomingMessage } from 'node:http';

/**
 * What a person's browser shows when they open an address that is neither a page nor an API
 * route (a mistyped or outdated link): a page in Chinese with the way on, not the API's JSON.
 * Plain HTML with its own styles and no script, so it reads the same signed in or not, and whether
 * or not the console is built; both ways on are pages that always exist.
 */
export const NOT_FOUND_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>页面不存在 · 闭环</title>
<style>
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f1f1f; background: #f5f5f5; }
  main { max-width: 520px; margin: 12vh auto 0; padding: 32px 24px; background: #fff; border-radius: 8px; text-align: center; }
  h1 { font-size: 22px; margin: 0 0 12px; }
  p { color: #595959; line-height: 1.7; margin: 0 0 24px; }
  nav a { display: inline-block; margin: 4px 8px; padding: 8px 16px; border-radius: 6px; text-decoration: none; border: 1px solid #1677ff; color: #1677ff; }
  nav a.primary { background: #1677ff; color: #fff; }
  @media (max-width: 560px) { main { margin: 8vh 16px 0; } }
</style>
</head>
<body>
<main>
  <h1>页面不存在</h1>
  <p>您打开的地址不存在，可能是链接输入有误或已经失效。</p>
  <nav aria-label="去往">
    <a class="primary" href="/">工作台登录</a>
    <a href="/portal">公众服务（投诉、查询、信用公示）</a>
  </nav>
</main>
</body>
</html>
`;

/** The page sets its own policy: its inline styles, and nothing else loads or runs. */
export const NOT_FOUND_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * A browser opening an address for a person to read: a GET (or HEAD) that asks for HTML. Scripts
 * and the console's own calls ask for JSON (or anything) and keep the API's JSON answer.
 */
export function asksForPage(req: Pick<IncomingMessage, 'method' | 'headers'>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return (req.headers.accept ?? '').split(',').some((type) => type.trim().toLowerCase().startsWith('text/html'));
}
