/**
 * The register's closed vocabularies: service types, record kinds, severities and statuses,
 * each with its zh-CN and English label. Every surface takes its words from here.
 */

/** A user-facing string in both languages. */
export type Label = { zh: string; en: string }

/** Kinds of HR service an agency may be licensed or filed for (条例 Art 18). */
export const SERVICE_TYPES = [
  'placement',
  'dispatch',
  'online_recruitment',
  'headhunting',
  'outsourcing',
  'training',
  'assessment',
  'consulting',
  'info_publishing',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

/** zh/en names of each service type. */
export const SERVICE_TYPE_LABELS: Record<ServiceType, Label> = {
  placement: { zh: '职业中介', en: 'Job placement' },
  dispatch: { zh: '劳务派遣', en: 'Labour dispatch' },
  online_recruitment: { zh: '网络招聘', en: 'Online recruitment' },
  headhunting: { zh: '猎头（高级人才寻访）', en: 'Executive search' },
  outsourcing: { zh: '人力资源外包', en: 'HR outsourcing' },
  training: { zh: '人力资源培训', en: 'HR training' },
  assessment: { zh: '人才测评', en: 'Talent assessment' },
  consulting: { zh: '人力资源管理咨询', en: 'HR consulting' },
  info_publishing: { zh: '人力资源供求信息收集和发布', en: 'Labour-market information publishing' },
}

/** Permits an agency can hold: the HR service licence, a filing, and the labour-dispatch licence. */
export const PERMIT_KINDS = ['hr_licence', 'hr_filing', 'dispatch_licence'] as const
export type PermitKind = (typeof PERMIT_KINDS)[number]

/** zh/en names of each permit kind. */
export const PERMIT_KIND_LABELS: Record<PermitKind, Label> = {
  hr_licence: { zh: '人力资源服务许可证', en: 'HR service licence' },
  hr_filing: { zh: '人力资源服务备案', en: 'HR service filing' },
  dispatch_licence: { zh: '劳务派遣经营许可证', en: 'Labour-dispatch licence' },
}

/** Whether a permit is in force. */
export const PERMIT_STATUSES = ['valid', 'expired', 'revoked', 'cancelled'] as const
export type PermitStatus = (typeof PERMIT_STATUSES)[number]

/** zh/en names of each permit status. */
export const PERMIT_STATUS_LABELS: Record<PermitStatus, Label> = {
  valid: { zh: '有效', en: 'Valid' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已吊销', en: 'Revoked' },
  cancelled: { zh: '已注销', en: 'Cancelled' },
}

/** 经营性 (commercial) agencies are in scope; 公共 (public employment service) agencies are not. */
export const SECTORS = ['commercial', 'public'] as const
export type Sector = (typeof SECTORS)[number]

/** Whether the agency still exists as a business. */
export const AGENCY_STATUSES = ['operating', 'deregistered'] as const
export type AgencyStatus = (typeof AGENCY_STATUSES)[number]

/** Kinds of credit record a regulator can submit. */
export const RECORD_KINDS = [
  'penalty',
  'complaint',
  'inspection',
  'annual_report',
  'arbitration',
  'honour',
  'licence_revocation',
  'dishonest_list',
  'criminal_penalty',
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** zh/en names of each record kind. */
export const RECORD_KIND_LABELS: Record<RecordKind, Label> = {
  penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  complaint: { zh: '投诉（经查属实）', en: 'Complaint (upheld)' },
  inspection: { zh: '劳动保障监察', en: 'Labour inspection' },
  annual_report: { zh: '年度报告', en: 'Annual report' },
  arbitration: { zh: '劳动人事争议仲裁', en: 'Labour dispute arbitration' },
  honour: { zh: '表彰荣誉', en: 'Honour' },
  licence_revocation: { zh: '吊销许可证', en: 'Licence revoked' },
  dishonest_list: { zh: '列入严重失信主体名单', en: 'Listed as seriously dishonest' },
  criminal_penalty: { zh: '负责人受刑事处罚', en: 'Criminal penalty of the person in charge' },
}

/** What rule a penalty or inspection finding concerns. Legal basis: 《人力资源市场暂行条例》 (条例), 人社部令第44号 (令44). */
export const VIOLATIONS = [
  'false_information',
  'discriminatory_posting',
  'unlicensed_activity',
  'deposit_taking',
  'privacy_breach',
  'missing_ledger',
  'display_failure',
  'late_change_report',
  'labour_contract',
  'online_licence_not_displayed',
  'employer_not_verified',
  'stale_postings',
] as const
export type Violation = (typeof VIOLATIONS)[number]

/** zh/en names of each violation. */
export const VIOLATION_LABELS: Record<Violation, Label> = {
  false_information: { zh: '发布虚假招聘信息', en: 'False job information' },
  discriminatory_posting: { zh: '发布就业歧视性信息', en: 'Discriminatory job posting' },
  unlicensed_activity: { zh: '未经许可从事职业中介活动', en: 'Job placement without a licence' },
  deposit_taking: { zh: '向求职者收取押金', en: 'Deposits taken from job seekers' },
  privacy_breach: { zh: '泄露或违规使用个人信息', en: 'Personal information leaked or misused' },
  missing_ledger: { zh: '未建立服务台账', en: 'No service ledger' },
  display_failure: {
    zh: '未按规定明示证照、服务项目和收费标准',
    en: 'Licence, services or fees not displayed',
  },
  late_change_report: { zh: '变更事项未按时报告', en: 'Change not reported in time' },
  labour_contract: { zh: '劳动合同不规范', en: 'Irregular labour contracts' },
  online_licence_not_displayed: {
    zh: '未在网站或应用首页持续公示证照',
    en: 'Licence not shown on the website or app home page',
  },
  employer_not_verified: {
    zh: '未审核用人单位招聘信息和资质',
    en: "Employers' postings and credentials not reviewed",
  },
  stale_postings: { zh: '招聘信息未及时更新或撤下', en: 'Job postings not kept current' },
}

/** Kind-specific results: inspections, annual reports, complaints, arbitration, honour levels. */
export const OUTCOMES = [
  'passed',
  'rectification_ordered',
  'filed',
  'late',
  'missing',
  'upheld',
  'lost',
  'municipal',
  'provincial',
  'national',
] as const
export type Outcome = (typeof OUTCOMES)[number]

/** Severity of a negative record; it sets the record's publicity window (信用修复管理办法). */
export const SEVERITIES = ['minor', 'general', 'serious'] as const
export type Severity = (typeof SEVERITIES)[number]

/** zh/en names of each severity. */
export const SEVERITY_LABELS: Record<Severity, Label> = {
  minor: { zh: '轻微', en: 'Minor' },
  general: { zh: '一般', en: 'General' },
  serious: { zh: '严重', en: 'Serious' },
}

/**
 * A record's workflow status. "Expired" is not stored: whether a record is still inside its
 * publicity window depends on the as-of date, so the rating engine derives it.
 */
export const RECORD_STATUSES = [
  'pending',
  'effective',
  'rejected',
  'under_objection',
  'repaired',
  'withdrawn',
] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

/** A record in force: it counts towards the grade and is shown (one under objection still is). */
export const isInForce = (status: string): boolean => status === 'effective' || status === 'under_objection'

/** zh/en names of each record status. */
export const RECORD_STATUS_LABELS: Record<RecordStatus, Label> = {
  pending: { zh: '待复核', en: 'Awaiting approval' },
  effective: { zh: '有效', en: 'Effective' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  under_objection: { zh: '异议处理中', en: 'Objection under review' },
  repaired: { zh: '已信用修复', en: 'Credit repaired' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
}

/** The national MOHRSS five-level scale (人社厅发〔2025〕6号) plus NR, not rated. */
export const GRADES = ['A+', 'A', 'B', 'C', 'D', 'NR'] as const
export type Grade = (typeof GRADES)[number]

/** zh/en names of each grade. */
export const GRADE_LABELS: Record<Grade, Label> = {
  'A+': { zh: '优秀', en: 'Excellent' },
  A: { zh: '良好', en: 'Good' },
  B: { zh: '合格', en: 'Adequate' },
  C: { zh: '较差', en: 'Poor' },
  D: { zh: '差', en: 'Bad' },
  NR: { zh: '未评级', en: 'Not rated' },
}

/** Where an objection (异议) stands. */
export const OBJECTION_STATUSES = ['open', 'under_review', 'upheld', 'dismissed', 'withdrawn'] as const
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number]

/** What an officer may do: submit (maker), approve (checker), manage keys (admin). */
export const OFFICER_ROLES = ['maker', 'checker', 'admin'] as const

/** An officer's id: lower-case letters, digits and dashes, 2 to 41 characters. */
export const OFFICER_ID = /^[a-z0-9][a-z0-9-]{1,40}$/
export type OfficerRole = (typeof OFFICER_ROLES)[number]
