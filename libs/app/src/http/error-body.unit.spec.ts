import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@bihuan/core';
import { inspectionError } from '@bihuan/inspection';
import { toErrorBody } from './error-body';
import { inputRefusal } from './input-inspection';
import { messageLanguageOf } from './messages/accept-language';
import { renderTemplate, zhRuleMessage } from './messages/error-messages';

describe('error bodies in two languages', () => {
  it('answers a coded DomainError in Chinese by default, naming the field, with the same code in English', () => {
    const error = inspectionError('DATE_INVALID', 'dueDate must be an ISO-8601 date', 'dueDate');
    const zh = toErrorBody(error);
    const en = toErrorBody(error, 'en');
    expect(zh).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'INSPECTION.DATE_INVALID',
      message: '字段 dueDate 必须是 YYYY-MM-DD 格式的日期',
      fields: [{ field: 'dueDate', rule: 'INSPECTION.DATE_INVALID', message: '字段 dueDate 必须是 YYYY-MM-DD 格式的日期' }],
    });
    expect(en).toMatchObject({ code: zh.code, message: 'dueDate must be an ISO-8601 date' });
    expect(en.fields).toEqual([{ field: 'dueDate', rule: 'INSPECTION.DATE_INVALID', message: 'dueDate must be an ISO-8601 date' }]);
  });

  it('fills placeholders from the details, including a shared input rule of any prefix', () => {
    const error = new DomainError('CREDIT.TEXT_TOO_LONG', 'reason is longer than 500 characters', 'validation', {
      field: 'reason',
      maxLength: 500,
    });
    expect(toErrorBody(error).message).toBe('字段 reason 过长，不能超过 500 个字符');
  });

  it('turns each DTO rule into a Chinese sentence, reading its numbers and values from the English text', () => {
    const refusal = inputRefusal([
      { field: 'rows', rule: 'min', message: 'rows must not be less than 1' },
      { field: 'kind', rule: 'isIn', message: 'kind must be one of the following values: routine, self' },
      { field: 'dueDate', rule: 'matches', message: 'dueDate must be a date YYYY-MM-DD' },
      { field: 'extra', rule: 'whitelistValidation', message: 'property extra should not exist' },
    ]);
    const zh = toErrorBody(refusal);
    expect(zh.code).toBe('VALIDATION');
    expect(zh.fields!.map((f) => f.message)).toEqual([
      '字段 rows 不能小于 1',
      '字段 kind 必须是可选值之一：routine、self',
      '字段 dueDate 必须是 YYYY-MM-DD 格式的日期',
      '字段 extra 是不允许提交的字段',
    ]);
    expect(zh.message).toBe(zh.fields!.map((f) => f.message).join('；'));
    expect(toErrorBody(refusal, 'en').fields!.map((f) => f.message)[0]).toBe('rows must not be less than 1');
  });

  it('keeps a message the thrower already wrote in Chinese: it says more than a template', () => {
    const row = inputRefusal([{ field: 'units[3].phone', rule: 'DIRECTORY.INVALID_PHONE', message: '格式不正确：应为11位手机号' }]);
    expect(toErrorBody(row).fields![0]!.message).toBe('格式不正确：应为11位手机号');
    const file = DomainError.invalid('DIRECTORY.IMPORT_FILE_INVALID', 'file', '第2行无法读取');
    expect(toErrorBody(file).message).toBe('第2行无法读取');
  });

  it('reads an English message that quotes a Chinese name as English, answering its code’s Chinese words', () => {
    const quoted = inspectionError('DATE_INVALID', 'dueDate of 宣传动员 must be an ISO-8601 date', 'dueDate');
    expect(toErrorBody(quoted).message).toBe('字段 dueDate 必须是 YYYY-MM-DD 格式的日期');
    const field = inputRefusal([
      { field: 'name', rule: 'maxLength', message: 'name 甲市第一人民医院 must be shorter than or equal to 4 characters' },
    ]);
    expect(toErrorBody(field).fields![0]!.message).toBe('字段 name 不能超过 4 个字符');
    // Chinese however it opens: a quotation mark or a number first.
    expect(toErrorBody(DomainError.invalid('DIRECTORY.IMPORT_FILE_INVALID', 'file', '“单位”表第2行无法读取')).message).toBe(
      '“单位”表第2行无法读取',
    );
  });

  it('names a rule it has no sentence for rather than inventing one', () => {
    expect(zhRuleMessage('note', 'URIError', 'note could not be validated (URIError)')).toBe('字段 note 不符合校验规则 URIError');
  });

  it('gives HttpExceptions their code words, or their status words', () => {
    const malformed = new BadRequestException({ code: 'MALFORMED_JSON', message: 'Malformed JSON in request body: x' });
    expect(toErrorBody(malformed)).toMatchObject({ code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' });
    expect(toErrorBody(new NotFoundException('Cannot GET /x'))).toMatchObject({ code: 'NOT_FOUND', message: '请求的地址不存在' });
    expect(toErrorBody(new NotFoundException('Cannot GET /x'), 'en')).toMatchObject({ code: 'NOT_FOUND', message: 'Cannot GET /x' });
  });

  it('hides a crash in both languages', () => {
    expect(toErrorBody(new Error('secret internals'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: '服务器内部错误',
    });
    expect(toErrorBody(new Error('secret internals'), 'en').message).toBe('Internal server error');
  });

  it('names roles by their labels, and drops a [segment] whose values the error does not carry', () => {
    const named = new DomainError('COMPLAINT.FORBIDDEN_ROLE', 'x', 'forbidden', { role: 'hospital', allowed: ['inspector', 'leader'] });
    expect(toErrorBody(named).message).toBe('当前角色（医院）无权进行此操作，仅限：监督员、领导');
    expect(toErrorBody(new DomainError('INSPECTION.ROLE_FORBIDDEN', 'x', 'forbidden')).message).toBe('当前角色无权进行此操作');
  });

  it('leaves out a placeholder without a value and says 该字段 when no field is named', () => {
    expect(renderTemplate('{field} 为必填项', {})).toBe('该字段为必填项');
    expect(renderTemplate('尚有人员未完成：{staffIds}', { staffIds: ['s-1', 's-2'] })).toBe('尚有人员未完成：s-1、s-2');
  });

  it('shows a [segment] on a {?flag} without printing it, and never reads a value as a placeholder', () => {
    const template = '文号格式不正确[：{?empty}不能为空][：必须包含 {required}]';
    expect(renderTemplate(template, { empty: true })).toBe('文号格式不正确：不能为空');
    expect(renderTemplate(template, { required: ['{year}', '{n}'], year: 2026 })).toBe('文号格式不正确：必须包含 {year}、{n}');
  });

  it('says a labelled code in Chinese, filling the label from the other values', () => {
    const tooLarge = new DomainError('DIRECTORY.IMPORT_FILE_TOO_LARGE', 'x', 'validation', {
      field: 'file',
      fileProblem: 'rows',
      rows: 20001,
      maxRows: 20000,
    });
    expect(toErrorBody(tooLarge).message).toBe('导入文件超过允许的大小或行数：共20001行，超过每次导入的上限20000行，请分批导入');
    const policy = new DomainError('AUTH.PASSWORD_POLICY', 'x', 'validation', { field: 'newPassword', rule: 'minLength', minLength: 12 });
    expect(toErrorBody(policy).message).toBe('字段 newPassword 不符合密码策略：密码过短，至少需要 12 个字符');
  });
});

describe('messageLanguageOf', () => {
  const asking = (answer: string | false) => ({ acceptsLanguages: (..._langs: string[]) => answer });

  it('is English only when the request ranks English first, else Chinese', () => {
    expect(messageLanguageOf(asking('en'))).toBe('en');
    expect(messageLanguageOf(asking('zh'))).toBe('zh');
    expect(messageLanguageOf(asking(false))).toBe('zh');
    expect(messageLanguageOf({})).toBe('zh');
    expect(messageLanguageOf(null)).toBe('zh');
  });
});
