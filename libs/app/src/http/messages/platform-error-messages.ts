/**
 * zh-CN messages of the codes thrown outside the contexts' registries: authentication and scope,
 * policy settings, administration, audit reads, paging, the store, idempotency, deadlines, the
 * calendar, the directory import, and the HTTP layer's own codes. `{field}` and other `{name}`
 * placeholders are filled from the error's details (error-messages.ts).
 */
export const PLATFORM_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  'AUTH.MISSING_TOKEN': '缺少访问令牌，请先登录',
  'AUTH.INVALID_TOKEN': '访问令牌无效或已过期，请重新登录',
  'AUTH.ROLE_NOT_ALLOWED': '当前角色[（{role}）]无权访问此接口[，仅限：{allowed}]',
  'AUTH.OUT_OF_SCOPE': '超出您的管辖范围',
  'AUTH.UNKNOWN_USER': '{field} 不是已登记的用户',
  'AUTH.UNKNOWN_UNIT': '{field} 不是已登记的单位',
  'AUTH.UNKNOWN_INSTITUTION': '{field} 不是已登记的医疗机构',
  'AUTH.INSPECTOR_NOT_COVERING': '该检查人员的管辖范围不包含此医疗机构',
  'AUTH.STAFF_OF_OTHER_INSTITUTION': '{field} 不是该医疗机构的在册人员',
  'POLICY.UNKNOWN_SETTING': '{field} 不是可设置的政策参数',
  'POLICY.WRONG_TYPE': '{field} 的取值类型不正确',
  'POLICY.OUT_OF_RANGE': '{field} 的取值超出允许范围',
  'POLICY.READ_ONLY': '{field} 是只读参数，不能修改',
  'POLICY.REASON_REQUIRED': '修改政策参数须说明理由',
  'ADMIN.UNKNOWN_POLICY': '不存在该业务的政策设置',
  'ADMIN.NO_DEAD_LETTER': '不存在该死信记录',
  'ADMIN.WORKFLOW_NOT_RUNNING': '该死信所属的流程未在本进程中运行',
  'WORKER.NOT_IN_PROCESS': '本进程未运行后台任务（ROLE=api），请在 ROLE=all 的进程上操作',
  'AUDIT.CASE_NOT_FOUND': '案件不存在，或在该时间点尚无记录',
  'AUDIT.BAD_STREAM': '{field} 不是有效的案件流名称（类别-编号）',
  'AUDIT.BAD_AS_OF': '{field} 不是有效的时间点或日志位置',
  'AUDIT.AS_OF_AMBIGUOUS': 'asOf 与 asOfPosition 只能填写其中一个',
  'AUDIT.UNKNOWN_CATEGORY': '{field} 的案件类别不支持查询历史状态',
  'AUDIT.TRAIL_FORBIDDEN': '当前角色无权查看访问审计记录',
  'PAGING.CURSOR_INVALID': '{field} 不是有效的分页游标',
  'STORE.WRONG_EXPECTED_REVISION': '案件已被他人同时修改，请刷新后重试',
  'STORE.DUPLICATE_EVENT_ID': '该操作已记录过，不能重复记录',
  'IDEMPOTENCY.INVALID_KEY': 'Idempotency-Key 请求头格式不正确',
  'IDEMPOTENCY.IN_PROGRESS': '使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试',
  'IDEMPOTENCY.KEY_REUSED': '该 Idempotency-Key 已用于内容不同的请求',
  'DEADLINE.RECOMPUTE_FORBIDDEN': '当前角色无权重算时限',
  'DEADLINE.RECOMPUTE_INVALID': '{field} 不是有效的时限重算请求',
  'CALENDAR.DATA_MISSING': '缺少[ {year} 年的]工作日历数据，请导入国务院公布的节假日安排',
  'CALENDAR.IMPORT_INVALID': '日历数据不符合规定格式：{field}',
  'CALENDAR.INVALID_ARGUMENT': '工作日计算的参数不正确',
  'CALENDAR.STOP_CLOCK_STATE': '当前计时状态不允许停表或恢复计时',
  'TICKET.FORBIDDEN_ROLE': '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  // Thrown outside the contexts' registries (application layer).
  'COMPLAINT.NOT_A_COMMISSION': '{field} 必须是卫生健康行政部门，不能是医疗机构',
  'ETHICS.EVALUATIONS_PENDING': '尚有人员未完成单位评定[：{staffIds}]',
  'DIRECTORY.IMPORT_FILE_INVALID': '无法读取导入文件，请使用下载的模板（XLSX 或 CSV）',
  'DIRECTORY.IMPORT_FILE_TOO_LARGE': '导入文件超过允许的大小或行数',
  'DIRECTORY.IMPORT_UNKNOWN_COLUMN': '{field} 不是可导入的列',
  'DIRECTORY.IMPORT_DUPLICATE_COLUMN': '{field} 列重复出现',
  'DIRECTORY.IMPORT_MISSING_COLUMN': '缺少必填列 {field}',
  'DIRECTORY.REQUIRED': '{field} 为必填项',
  'DIRECTORY.TOO_LONG': '{field} 超过允许的长度',
  'DIRECTORY.INVALID_CODE': '{field} 含有不允许的字符',
  'DIRECTORY.INVALID_PHONE': '{field} 不是有效的电话号码',
  'DIRECTORY.INVALID_CREDIT_CODE': '{field} 不是有效的统一社会信用代码',
  'DIRECTORY.UNKNOWN_VALUE': '{field} 不是可选值',
  'DIRECTORY.NUMBER_PRECISION_LOST': '{field} 被保存为数字，超过15位的部分已被改动，请设为文本格式后重新填写',
  'DIRECTORY.DUPLICATE_ID': '{field} 编码重复',
  'DIRECTORY.DUPLICATE_CREDIT_CODE': '{field} 统一社会信用代码重复',
  'DIRECTORY.DUPLICATE_USERNAME': '{field} 用户名重复',
  'DIRECTORY.SELF_PARENT': '{field} 不能是本单位自己的编码',
  'DIRECTORY.PROFILE_NOT_ALLOWED': '{field} 只填写于医疗机构',
};

/** The HTTP layer's own codes (error-body.ts, body-parsing.ts, the lifecycle and health answers). */
export const HTTP_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  VALIDATION: '请求参数有误',
  BAD_REQUEST: '请求有误',
  MALFORMED_JSON: '请求体不是有效的 JSON',
  PAYLOAD_TOO_LARGE: '请求体过大[，上限为 {limit}]',
  UNSUPPORTED_MEDIA_TYPE: '请求体必须是 application/json 或 application/x-www-form-urlencoded',
  UNAUTHORIZED: '未登录或登录已失效',
  FORBIDDEN: '无权访问',
  NOT_FOUND: '请求的地址不存在',
  METHOD_NOT_ALLOWED: '不支持该请求方法',
  CONFLICT: '请求与当前状态冲突',
  UNPROCESSABLE: '请求不符合业务规则',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  INTERNAL: '服务器内部错误',
  UNAVAILABLE: '服务暂不可用，请稍后再试',
  UNHEALTHY: '服务不健康[：{down} 不可用]',
  SHUTTING_DOWN: '服务正在停止，请稍后重试',
  READ_MODEL_BEHIND: '查询数据尚未更新到最新写入，请稍后重试',
};

/**
 * The input rules every context shares (core's inputRules), by rule name: the message of
 * `<ANY>.FIELD_REQUIRED` and the like when a context's registry has no entry of its own.
 */
export const INPUT_RULE_MESSAGES: Readonly<Record<string, string>> = {
  FIELD_REQUIRED: '{field} 为必填项',
  TEXT_TOO_LONG: '{field} 过长[，不能超过 {maxLength} 个字符]',
  DATE_INVALID: '{field} 必须是 ISO-8601 格式的日期',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
};
