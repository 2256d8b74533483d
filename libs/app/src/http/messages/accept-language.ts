/** The languages error messages are written in; zh-CN is the default, for the people who use the product. */
export type MessageLanguage = 'zh' | 'en';

/** Express's content negotiation (accepts → negotiator), present on every request Nest hands us. */
interface NegotiatingRequest {
  acceptsLanguages?(...languages: string[]): string | false;
}

/**
 * The language a request prefers, by its Accept-Language header with q-values weighed by Express's
 * own negotiator (`en-US;q=0.9, zh;q=0.8` → en; `zh-CN, en;q=0.5` → zh; absent or `*` → zh).
 * English only when the header ranks it above Chinese, so a console that says nothing gets Chinese.
 */
export function messageLanguageOf(request: unknown): MessageLanguage {
  const negotiate = (request as NegotiatingRequest | null)?.acceptsLanguages;
  if (typeof negotiate !== 'function') return 'zh';
  const best = negotiate.call(request, 'zh', 'en');
  return best === 'en' ? 'en' : 'zh';
}
