/**
 * zh-CN messages of the codes in one context's error registry (*-errors.ts). Typed over the
 * registry's names, so a new code without a Chinese message does not compile. `{field}` and other
 * `{name}` placeholders are filled from the error's details (error-messages.ts). The English text
 * is the message the code was thrown with.
 */
export type Messages<N extends string> = Readonly<Record<N, string>>;
