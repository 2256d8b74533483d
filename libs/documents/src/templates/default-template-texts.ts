import { NoticeKind } from '@bihuan/inspection';

/**
 * The wording of the built-in templates: the body paragraphs of each notice, with placeholders
 * (templates/notice-fields.ts). Modelled on the 三书一函 of municipal health commissions; an office
 * that words its notices otherwise uploads its own template (PUT /admin/notice-templates/{kind}).
 */
export const DEFAULT_NOTICE_BODIES: Readonly<Record<NoticeKind, readonly string[]>> = {
  'rectification-notice': [
    '经监督检查，你单位存在以下问题：{category}（{severity}）。{description}',
    '根据有关规定，现责令你单位对上述问题{requiredAction}，于{dueDate}前（{workingDays}个工作日内）整改到位，并将整改措施、整改结果及佐证材料书面报送我单位。',
    '逾期未整改或整改不到位的，我单位将依规依纪进一步督办，并视情予以通报。',
    '责任科室：{responsibleDepartment}　责任人：{responsiblePerson}',
  ],
  'reminder-letter': [
    '你单位{category}问题（{description}）未在规定时限内完成整改。',
    '现予以提醒敦促。请你单位高度重视，切实履行整改主体责任，于{dueDate}前（{workingDays}个工作日内）完成整改，并书面报告整改情况。',
    '逾期仍未完成整改的，我单位将下发整改通知书，并依规进一步督办。',
  ],
  summons: [
    '你单位{category}问题（{description}）经提醒敦促、下发整改通知书后，仍未按期完成整改。',
    '根据有关规定，决定对你单位主要负责人进行约谈。请你单位主要负责人按要求准时参加约谈，如实说明整改情况，并于{dueDate}前（{workingDays}个工作日内）完成整改。',
    '约谈情况将记入你单位信用档案。',
  ],
  'listed-supervision': [
    '你单位{category}问题（{description}）经约谈后仍未按期完成整改。',
    '现决定对该问题予以挂牌督办。请你单位于{dueDate}前（{workingDays}个工作日内）完成整改，逐项销号，并书面报告整改结果。',
    '督办期满仍未整改到位的，我单位将予以通报，并依规追究相关人员责任。',
  ],
  'sign-off-confirmation': [
    '你单位报送的{category}问题（{description}）整改情况已收悉。',
    '经核查，该问题已整改到位，于{signedOffDate}予以销号。',
    '请你单位巩固整改成果，建立健全长效机制，防止问题反弹。',
  ],
};
