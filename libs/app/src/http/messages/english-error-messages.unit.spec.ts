import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Found, productionSources, REPO_ROOT, scan } from '../../catalogue/source-scan';

/**
 * Errors are thrown in English: the English text is what `Accept-Language: en` shows, and the zh-CN
 * words come from the message catalogue by code (error-messages.ts), with the variable parts taken
 * from the error's details. A Chinese literal in the arguments of an error — a DomainError (`new`,
 * its statics, a context's builder such as `documentsError(`), an HttpException, any `new …Error(`
 * — would reach an English-speaking client as Chinese, so it fails here naming the file and line.
 * apps/ is not scanned: the CLI speaks Chinese to the people at its terminal.
 */
const sources = productionSources(join(REPO_ROOT, 'libs'));
const CJK = /[\u3400-\u9fff]/;

/** Calls that make an error: `new XError(` / `new XException(`, `DomainError.invalid(`, `accountError(`, identity's `unauthorized(`. */
const ERROR_CALL = /(\bnew\s+\w*(?:Error|Exception)|\bDomainError\.\w+|(?<![.\w])(?:\w*[Ee]rror|unauthorized))\s*\(/g;

/**
 * The string literals among a call's arguments, from just after its `(` to the `)` that closes it:
 * quoted strings and the fixed parts of template literals (their `${…}` read as code), comments skipped.
 */
export function argumentLiterals(text: string, start: number): string[] {
  const literals: string[] = [];
  let i = start;
  const quoted = (quote: string): void => {
    let value = '';
    for (i += 1; i < text.length && text[i] !== quote; i += 1) value += text[i] === '\\' ? text[++i] : text[i];
    literals.push(value);
    i += 1;
  };
  const template = (): void => {
    let value = '';
    for (i += 1; i < text.length && text[i] !== '`'; i += 1) {
      if (text[i] === '\\') value += text[++i];
      else if (text[i] === '$' && text[i + 1] === '{') {
        i += 2;
        code('}');
        i -= 1;
      } else value += text[i];
    }
    literals.push(value);
    i += 1;
  };
  /** Reads code until the `close` that balances it, leaving `i` just past it. */
  const code = (close: string): void => {
    const stack = [close];
    while (i < text.length && stack.length > 0) {
      const c = text[i]!;
      if (c === "'" || c === '"') quoted(c);
      else if (c === '`') template();
      else if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
      else if (text.startsWith('/*', i)) i = text.indexOf('*/', i) + 2;
      else {
        if (c === '(' || c === '{' || c === '[') stack.push(c === '(' ? ')' : c === '{' ? '}' : ']');
        else if (c === stack[stack.length - 1]) stack.pop();
        i += 1;
      }
    }
  };
  code(')');
  return literals;
}

/** What must stay Chinese, by file and callee, with the reason. None today: keep it so. */
const ALLOWED: ReadonlyArray<{ file: string; callee: string; why: string }> = [];

function chineseMessages(): string[] {
  const texts = new Map<string, string>();
  const textOf = (file: string): string => texts.get(file) ?? texts.set(file, readFileSync(join(REPO_ROOT, file), 'utf8')).get(file)!;
  return scan(sources, ERROR_CALL)
    .filter((call: Found) => !ALLOWED.some((a) => a.file === call.file && a.callee === call.name))
    .flatMap((call) =>
      argumentLiterals(textOf(call.file), call.end)
        .filter((literal) => CJK.test(literal))
        .map((literal) => `${call.file}:${call.line} ${call.name}(… '${literal}' …)`),
    );
}

describe('error messages thrown in production code', () => {
  it('reads the literals of a call, template parts and nested calls included, and stops at its end', () => {
    const text = "x(a, `one ${f('two', [3])} three`, { m: \"four\" } /* 'no' */) + '五'";
    expect(argumentLiterals(text, 2)).toEqual(['two', 'one  three', 'four']);
  });

  it('finds the error calls it checks (the scan works)', () => {
    const callees = scan(sources, ERROR_CALL).map((f) => f.file);
    expect(callees).toEqual(
      expect.arrayContaining([
        'libs/documents/src/templates/template-inspection.ts',
        'libs/identity/src/sessions/session.validator.ts',
        'libs/app/src/http/body-parsing.ts',
      ]),
    );
  });

  it('are English, so Accept-Language: en shows no Chinese (zh-CN words belong in the message catalogue)', () => {
    expect(chineseMessages()).toEqual([]);
  });
});
