/**
 * The attributes the directory keeps for units, departments, people and inspectors' conflicts —
 * the shared vocabulary of the directory's deciders, its import/export and the readers (scope
 * checks, the random draw, campaigns). Codes are English; their Chinese labels live beside them
 * until the catalogue of words (issue 17) takes them over.
 */

/**
 * Levels of the administrative tree (domain.md): province ⊃ city ⊃ county ⊃ institution, and
 * `agency`: a partner agency (协同部门) beside the commission it sits under, whose users (role
 * partner) receive referrals and send leads (ADR 0022).
 */
export const UNIT_KINDS = ['province', 'city', 'county', 'institution', 'agency'] as const;
export type DirectoryUnitKind = (typeof UNIT_KINDS)[number];

/** How deep each kind sits: a parent's level is always lower. An agency is a leaf beside its commission, as an institution is one below it. */
export const UNIT_LEVELS: Readonly<Record<DirectoryUnitKind, number>> = { province: 0, city: 1, county: 2, institution: 3, agency: 3 };

/**
 * 协同部门类别: the agencies cases are referred to and leads come from (domain.md §6: 纪检监察,
 * 公安, 医保, 市场监管 …; seed 004: 及时移交司法纪检机关处理). Required on agency units, absent on others.
 */
export const AGENCY_TYPES = {
  discipline: '纪检监察',
  police: '公安',
  procuratorate: '检察',
  medical_insurance: '医疗保障',
  market_regulation: '市场监管',
  petition: '信访',
  other: '其他部门',
} as const;
export type AgencyType = keyof typeof AGENCY_TYPES;

/** 机构类别: what campaigns and draws select on. */
export const INSTITUTION_TYPES = {
  general_hospital: '综合医院',
  tcm_hospital: '中医医院',
  integrated_hospital: '中西医结合医院',
  specialty_hospital: '专科医院',
  maternal_child: '妇幼保健机构',
  primary_care: '基层医疗卫生机构',
  public_health: '专业公共卫生机构',
  other: '其他医疗机构',
} as const;
export type InstitutionType = keyof typeof INSTITUTION_TYPES;

/** 所有制 / 经营性质. */
export const OWNERSHIPS = { public: '公立', private: '民营', social: '社会办' } as const;
export type Ownership = keyof typeof OWNERSHIPS;

/** 医院等级: 一级 / 二级 / 三级, or not rated (未定级, e.g. clinics). */
export const HOSPITAL_LEVELS = { level1: '一级', level2: '二级', level3: '三级', unrated: '未定级' } as const;
export type HospitalLevel = keyof typeof HOSPITAL_LEVELS;

/** 等次: 甲 / 乙 / 丙 within a level, or none. */
export const HOSPITAL_GRADES = { jia: '甲等', yi: '乙等', bing: '丙等', none: '未评等' } as const;
export type HospitalGrade = keyof typeof HOSPITAL_GRADES;

export const USER_STATUSES = { active: '在用', disabled: '停用' } as const;
export type UserStatus = keyof typeof USER_STATUSES;

/** Why an inspector must not inspect an institution (回避情形). */
export const CONFLICT_REASONS = {
  former_employer: '曾在该机构任职',
  relative: '近亲属在该机构任职',
  financial: '存在经济利益关系',
  other: '其他应当回避情形',
} as const;
export type ConflictReason = keyof typeof CONFLICT_REASONS;

/** What an institution is, beyond its place in the tree. Absent on commission units. */
export interface InstitutionProfile {
  readonly institutionType: InstitutionType;
  readonly ownership: Ownership;
  readonly level: HospitalLevel;
  readonly grade: HospitalGrade;
  /** 统一社会信用代码, 18 characters, valid check character (isValidCreditCode). */
  readonly creditCode: string;
  readonly address: string;
  readonly legalRepresentative: string;
  readonly contactPhone: string;
}

/**
 * What campaigns (专项行动: 二级以上公立医院, 民营医院 …) and random draws select institutions by:
 * each list names the values accepted for its attribute; an absent or empty list accepts any.
 */
export interface InstitutionSelectors {
  readonly institutionTypes?: readonly string[];
  readonly ownerships?: readonly string[];
  readonly levels?: readonly string[];
}

/** True when any list of the selectors names a value (a scope that selects, rather than takes all). */
export function selectsAttributes(selectors: InstitutionSelectors): boolean {
  return [selectors.institutionTypes, selectors.ownerships, selectors.levels].some((list) => (list?.length ?? 0) > 0);
}

/**
 * Whether an institution's profile passes every non-empty list of the selectors. An institution
 * without a profile passes only selectors that ask nothing: its attributes are unknown.
 */
export function matchesSelectors(
  profile: { readonly institutionType: string; readonly ownership: string; readonly level: string } | undefined,
  selectors: InstitutionSelectors,
): boolean {
  const wanted = (values: readonly string[] | undefined, value: string | undefined): boolean =>
    !values || values.length === 0 || (value !== undefined && values.includes(value));
  return (
    wanted(selectors.institutionTypes, profile?.institutionType) &&
    wanted(selectors.ownerships, profile?.ownership) &&
    wanted(selectors.levels, profile?.level)
  );
}

/** 统一社会信用代码: the one check is core's (GB 32100), re-exported for the directory's callers. */
export { creditCodeCheckCharacter, isValidCreditCode } from '@bihuan/core';

/** Mainland mobile (1[3-9]x, 11 digits) or a landline with area code, as offices write them. */
/** A work e-mail address, as mail servers take it: local part, @, a dotted domain; no spaces. */
export function isValidEmail(email: string): boolean {
  return email.length <= 254 && /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(email);
}

export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(phone);
}
