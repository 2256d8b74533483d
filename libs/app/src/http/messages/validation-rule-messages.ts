/**
 * zh-CN sentences for the rules a DTO field can break (class-validator's constraint names, our
 * custom constraints, and the shared input checks of input-inspection.ts). `{field}` names the
 * field; `{n}`, `{m}` and `{values}` are read from the English message class-validator built,
 * which is the only place it puts a constraint's arguments (error-messages.ts).
 */
export const VALIDATION_RULE_MESSAGES: Readonly<Record<string, string>> = {
  isNotEmpty: '{field} 不能为空',
  isDefined: '{field} 为必填项',
  isString: '{field} 必须是字符串',
  maxLength: '{field} 不能超过 {n} 个字符',
  minLength: '{field} 至少需要 {n} 个字符',
  isIn: '{field} 必须是可选值之一[：{values}]',
  isEnum: '{field} 必须是可选值之一[：{values}]',
  isIso8601: '{field} 必须是 ISO-8601 格式的日期或时间（如 2026-01-09 或 2026-01-09T08:00:00Z）',
  isDateString: '{field} 必须是 ISO-8601 格式的日期或时间（如 2026-01-09 或 2026-01-09T08:00:00Z）',
  isCalendarDay: '{field} 不是日历上存在的日期（所在月份没有这一天）',
  isInstant: '{field} 必须是日历形式的 ISO-8601 日期或时间（如 2026-01-09 或 2026-01-09T08:00:00+08:00）',
  isCreditCode: '{field} 不是有效的统一社会信用代码（18 位，末位校验码按 GB 32100 计算）',
  min: '{field} 不能小于 {n}',
  max: '{field} 不能大于 {n}',
  matches: '{field} 格式不正确',
  isInt: '{field} 必须是整数',
  isNumber: '{field} 必须是数字',
  isBoolean: '{field} 必须是布尔值（true 或 false）',
  isArray: '{field} 必须是数组',
  arrayMinSize: '{field} 至少需要 {n} 项',
  arrayMaxSize: '{field} 最多只能有 {n} 项',
  arrayUnique: '{field} 中不能有重复项',
  equals: '{field} 只能取规定的值，不能更改',
  isObject: '{field} 必须是对象',
  isEmail: '{field} 必须是有效的电子邮箱地址',
  isBase64: '{field} 必须是 Base64 编码的内容',
  nestedValidation: '{field} 必须是对象或对象数组',
  whitelistValidation: '{field} 是不允许提交的字段',
  isPageCursor: '{field} 必须是上一页返回的 nextCursor',
  isApplicantIdentifier:
    '{field} 必须是校验位正确的统一社会信用代码（subjectKind 为 organisation，18 位，不含 I、O、S、V、Z）或居民身份证号（subjectKind 为 person，18 位，末位为数字或 X）',
  isIntegerStringInRange: '{field} 必须是整数[，范围 {n} 到 {m}]',
  // Environment settings (libs/platform/src/config), refused at start with the same words.
  isClockSpec: '{field} 不是有效的时钟设置',
  isPublicKeyPem: '{field} 必须是 PEM 格式的公钥',
  isTrustProxy: '{field} 不是有效的代理信任设置',
  wellFormedUnicode: '{field} 含有不完整的 Unicode 字符（孤立的代理项）',
  maxDepth: '{field} 的嵌套层级超过 {n} 层',
  // File uploads (multipart/form-data, @FileUpload in libs/platform/src/http/file-upload.ts).
  fileRequired: '缺少上传文件，请在表单字段 {field} 中选择文件',
  fileType: '{field} 的文件类型不符合要求（按文件内容判断，与文件名无关）[，须为：{values}]',
  singleFile: '请只上传一个文件，并放在表单字段 file 中',
  multipartForm: '上传表单格式有误或字段过多、过长',
};

/** A `matches` rule whose pattern is a calendar date says so (the English text names the format). */
export const DATE_PATTERN_MESSAGE = '{field} 必须是 YYYY-MM-DD 格式的日期';

/** A `matches` rule on cited evidence (EvidenceDigestList) says what a digest is and where it comes from. */
export const DIGEST_PATTERN_MESSAGE =
  '{field} 必须是已上传到本案的证据文件的 SM3 摘要（64 位小写十六进制，即上传证据时返回的 file.digest）';

/** A rule we have no sentence for (a validator threw, or a constraint added later). */
export const UNKNOWN_RULE_MESSAGE = '{field} 不符合校验规则 {rule}';
