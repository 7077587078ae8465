/**
 * ldt3002@0.1.0: Chengxin's integrity grade in the spirit of LD/T 3002-2023, built from the closest
 * real schemes because the standard's text is not public. Published: never edit; make a new version.
 */
import type { Indicator, Methodology, Sourced } from '../methodology-types.js'
import { LDT3002_SOURCES, type Ldt3002SourceId } from './ldt3002-sources.js'

const cite = (value: number, source: Ldt3002SourceId): Sourced => ({ value, source })
const provisional = (value: number): Sourced => ({ value, source: 'chengxin-default', provisional: true })

const HRSS = ['人力资源和社会保障', '人力资源社会保障', '人社']
const FINDINGS = ['penalty', 'inspection'] as const

const deductSentences = (zhSubject: string, enSubject: string) => ({
  full: { zh: `公示期内无${zhSubject}记录`, en: `No live record of ${enSubject}` },
  partial: {
    zh: `公示期内${zhSubject}记录{count}条，扣{lost}分`,
    en: `{count} live record(s) of ${enSubject}: {lost} points lost`,
  },
})

const operatingTime: Indicator = {
  id: 'I1.1',
  name: { zh: '经营年限', en: 'Time in operation' },
  max: provisional(4),
  duty: { zh: '持续、稳定经营', en: 'Steady operation over time' },
  dutySources: ['yuyao'],
  rule: {
    type: 'operating_time',
    tiers: [
      { minMonths: cite(12, 'yuyao'), points: provisional(2) },
      { minMonths: provisional(24), points: provisional(3) },
      { minMonths: provisional(36), points: provisional(4) },
    ],
  },
  sentences: {
    full: { zh: '经营满3年，得满分', en: 'Three or more years in operation: full marks' },
    partial: { zh: '经营未满3年，扣{lost}分', en: 'Under three years in operation: {lost} points lost' },
  },
}

const annualReports: Indicator = {
  id: 'I1.2',
  name: { zh: '年度报告', en: 'Annual reports' },
  max: provisional(6),
  duty: {
    zh: '按时报送经营情况年度报告（条例第三十六条）',
    en: 'File the annual business report on time (Regulations Art 36)',
  },
  dutySources: ['hr-market-regulation'],
  rule: {
    type: 'annual_reports',
    years: provisional(3),
    deadline: '06-30',
    deadlineSource: 'enterprise-disclosure',
    points: { filed: provisional(2), lateOrUnknown: provisional(1), missing: provisional(0) },
  },
  sentences: {
    full: { zh: '最近三个年度的年报均按时报送', en: 'Annual reports for the last three years filed on time' },
    partial: {
      zh: '最近三个年度的年报扣{lost}分',
      en: 'Annual reports for the last three years: {lost} points lost',
    },
  },
}

const ldt3002: Methodology = {
  id: 'ldt3002',
  version: '0.1.0',
  title: {
    zh: '人力资源服务机构诚信评价（参照 LD/T 3002-2023）',
    en: 'HR service agency integrity evaluation (after LD/T 3002-2023)',
  },
  effectiveFrom: '2026-12-01',
  summary: {
    zh: '本方法参照 LD/T 3002-2023《人力资源服务机构诚信评价规范》的目的与结构，由公开可查的地方评价办法和国家规定综合而成。该标准全文未公开，本方法不是该标准的条文；凡无来源的数值均标为“暂定”。评级仅依据监管部门公开的信用记录：无记录不等于已核实合规。',
    en: 'This methodology follows the purpose and structure of LD/T 3002-2023 and is assembled from published regional schemes and national rules. The standard’s text is not public and this is not its text; every number without a source is marked provisional. Grades rest only on regulators’ published credit records: the absence of a record is not proof of compliance.',
  },
  sources: LDT3002_SOURCES,
  scale: {
    source: 'mohrss-2025-6',
    rationale: {
      zh: '无失信记录、经营满3年、年报齐全的机构得基础分100分，评为B（合格）；A及以上还需近期的正面记录（检查合格或表彰）。这与河南省“A级及以上不超过参评单位20%”的做法相当。',
      en: 'An agency with no live negative record, three years in operation and all annual reports filed scores the full base of 100 and is graded B (adequate); A and above also need recent positive evidence (passed inspections or honours). This is in line with Henan keeping A and above to at most 20% of graded firms.',
    },
    rationaleSource: 'henan-2026',
    grades: [
      { grade: 'A+', minTotal: provisional(106) },
      { grade: 'A', minTotal: provisional(102) },
      { grade: 'B', minTotal: provisional(85) },
      { grade: 'C', minTotal: provisional(70) },
    ],
  },
  windows: {
    minor: cite(3, 'credit-repair-2025'),
    general: cite(12, 'credit-repair-2025'),
    serious: cite(36, 'credit-repair-2025'),
  },
  deductions: { minor: provisional(2), general: provisional(5), serious: provisional(10) },
  eligibility: {
    sectors: ['commercial'],
    sectorsSource: 'zhongshan-2024',
    minOperatingMonths: cite(12, 'yuyao'),
    dataLookbackMonths: provisional(24),
  },
  vetoes: [
    {
      id: 'V1',
      type: 'permits',
      name: { zh: '证照不全', en: 'Required permit missing' },
      sentence: { zh: '开展{service}但无有效的{permit}', en: 'Offers {service} without a valid {permit}' },
      source: 'criteria-sheet',
      requirements: [
        {
          services: ['placement', 'online_recruitment', 'headhunting'],
          anyOf: ['hr_licence'],
          source: 'hr-market-regulation',
        },
        { services: ['dispatch'], anyOf: ['dispatch_licence'], source: 'labour-contract-law' },
        {
          services: ['outsourcing', 'training', 'assessment', 'consulting', 'info_publishing'],
          anyOf: ['hr_licence', 'hr_filing'],
          source: 'hr-market-regulation',
        },
      ],
    },
    {
      id: 'V2',
      type: 'records',
      name: { zh: '未报送年度报告', en: 'Annual report not filed' },
      sentence: { zh: '{record}', en: '{record}' },
      source: 'criteria-sheet',
      match: { kinds: ['annual_report'], outcomes: ['missing'] },
    },
    {
      id: 'V3',
      type: 'records',
      name: { zh: '负责人受刑事处罚', en: 'Person in charge criminally sentenced' },
      sentence: { zh: '{record}', en: '{record}' },
      source: 'criteria-sheet',
      match: { kinds: ['criminal_penalty'] },
    },
    {
      id: 'V4',
      type: 'records',
      name: { zh: '严重违反人力资源社会保障法律法规', en: 'Serious breach of HR and social security law' },
      sentence: { zh: '{record}', en: '{record}' },
      source: 'criteria-sheet',
      match: { kinds: ['penalty'], severities: ['serious'], authorityIncludes: HRSS },
    },
    {
      id: 'V5',
      type: 'records',
      name: { zh: '发布就业歧视性信息', en: 'Discriminatory job postings' },
      sentence: { zh: '{record}', en: '{record}' },
      source: 'criteria-sheet',
      match: { kinds: FINDINGS, violations: ['discriminatory_posting'] },
    },
    {
      id: 'V6',
      type: 'records',
      name: { zh: '列入严重失信主体名单', en: 'Listed as seriously dishonest' },
      sentence: { zh: '{record}', en: '{record}' },
      source: 'mohrss-2019-87',
      match: { kinds: ['dishonest_list'] },
    },
    {
      id: 'V7',
      type: 'records',
      name: { zh: '被吊销许可证', en: 'Licence revoked' },
      sentence: { zh: '{record}', en: '{record}' },
      source: 'hr-market-regulation',
      match: { kinds: ['licence_revocation'] },
    },
  ],
  caps: [
    {
      id: 'C1',
      name: { zh: '严重失信记录在公示期内', en: 'Serious record inside its window' },
      maxGrade: 'B',
      match: {
        kinds: ['penalty', 'complaint', 'inspection', 'arbitration', 'annual_report'],
        severities: ['serious'],
      },
      sentence: {
        zh: '有严重失信记录在公示期内，等级最高为B',
        en: 'A serious record inside its window holds the grade at B or below',
      },
      source: 'chengxin-default',
    },
    {
      id: 'C2',
      name: { zh: '一般失信记录在公示期内', en: 'General record inside its window' },
      maxGrade: 'A',
      match: {
        kinds: ['penalty', 'complaint', 'inspection', 'arbitration', 'annual_report'],
        severities: ['general'],
      },
      sentence: {
        zh: '有一般失信记录在公示期内，等级最高为A',
        en: 'A general record inside its window holds the grade at A or below',
      },
      source: 'chengxin-default',
    },
  ],
  dimensions: [
    {
      id: 'D1',
      name: { zh: '基本条件', en: 'Basic conditions' },
      max: cite(10, 'criteria-sheet'),
      indicators: [operatingTime, annualReports],
    },
    {
      id: 'D2',
      name: { zh: '公示与服务规范', en: 'Disclosure and service norms' },
      max: provisional(15),
      indicators: [
        {
          id: 'I2.1',
          name: { zh: '公示与报告', en: 'Display and reporting' },
          max: provisional(5),
          duty: {
            zh: '服务场所明示证照、服务项目、收费标准和监督电话；变更事项15日内报告（条例第二十一、三十二条）',
            en: 'Display licences, services, fees and the supervisor’s phone at the premises; report changes within 15 days (Arts 21, 32)',
          },
          dutySources: ['hr-market-regulation'],
          rule: {
            type: 'deduct',
            match: [{ kinds: FINDINGS, violations: ['display_failure', 'late_change_report'] }],
          },
          sentences: deductSentences('公示或报告违规', 'display or reporting failures'),
        },
        {
          id: 'I2.2',
          name: { zh: '招聘服务行为', en: 'Recruitment conduct' },
          max: provisional(10),
          duty: {
            zh: '持证经营，如实发布招聘信息，不得歧视，不得收取押金，规范订立劳动合同（条例第十八、二十四、二十六条等）',
            en: 'Hold the licence, publish true and non-discriminatory postings, take no deposits, use proper contracts (Arts 18, 24, 26 and others)',
          },
          dutySources: ['hr-market-regulation'],
          rule: {
            type: 'deduct',
            match: [
              {
                kinds: FINDINGS,
                violations: [
                  'false_information',
                  'discriminatory_posting',
                  'deposit_taking',
                  'unlicensed_activity',
                  'labour_contract',
                ],
              },
            ],
          },
          sentences: deductSentences('招聘服务违规', 'recruitment misconduct'),
        },
      ],
    },
    {
      id: 'D3',
      name: { zh: '制度建设', en: 'Internal controls' },
      max: provisional(15),
      indicators: [
        {
          id: 'I3.1',
          name: { zh: '服务台账', en: 'Service ledger' },
          max: provisional(5),
          duty: {
            zh: '建立服务台账并保存2年以上（条例第三十三条）',
            en: 'Keep a service ledger for at least two years (Art 33)',
          },
          dutySources: ['hr-market-regulation'],
          rule: { type: 'deduct', match: [{ kinds: FINDINGS, violations: ['missing_ledger'] }] },
          sentences: deductSentences('台账违规', 'ledger failures'),
        },
        {
          id: 'I3.2',
          name: { zh: '个人信息保护', en: 'Personal information' },
          max: provisional(5),
          duty: {
            zh: '建立信息发布审查和投诉处理机制，不得泄露或违法使用个人信息（条例第二十九条）',
            en: 'Review what is published, handle complaints, never leak or misuse personal information (Art 29)',
          },
          dutySources: ['hr-market-regulation'],
          rule: { type: 'deduct', match: [{ kinds: FINDINGS, violations: ['privacy_breach'] }] },
          sentences: deductSentences('个人信息违规', 'personal-information breaches'),
        },
        {
          id: 'I3.3',
          name: { zh: '网络招聘服务义务', en: 'Online recruitment duties' },
          max: provisional(5),
          duty: {
            zh: '在网站或应用首页持续公示证照，审核用人单位信息，及时更新招聘信息（人社部令第44号；LD/T 3001-2023；2026年五部门通知）',
            en: 'Show licences on the home page, review employers, keep postings current (MOHRSS Order 44; LD/T 3001-2023; 2026 notice)',
          },
          dutySources: ['mohrss-order-44', 'ldt3001', 'platform-notice-2026'],
          appliesTo: ['online_recruitment'],
          rule: {
            type: 'deduct',
            match: [
              {
                kinds: FINDINGS,
                violations: ['online_licence_not_displayed', 'employer_not_verified', 'stale_postings'],
              },
            ],
          },
          sentences: {
            ...deductSentences('网络招聘违规', 'online recruitment failures'),
            notApplicable: {
              zh: '未开展网络招聘服务，不适用',
              en: 'Offers no online recruitment: not applicable',
            },
          },
        },
      ],
    },
    {
      id: 'D4',
      name: { zh: '信用状况', en: 'Credit status' },
      max: provisional(30),
      indicators: [
        {
          id: 'I4.1',
          name: { zh: '行政处罚与失信惩戒', en: 'Penalties and sanctions' },
          max: provisional(20),
          duty: {
            zh: '依法经营，未受行政处罚（条例第四十二至四十四条）',
            en: 'Operate lawfully without administrative penalties (Arts 42–44)',
          },
          dutySources: ['hr-market-regulation'],
          rule: {
            type: 'deduct',
            match: [{ kinds: ['penalty', 'licence_revocation', 'dishonest_list', 'criminal_penalty'] }],
          },
          sentences: deductSentences('行政处罚或失信惩戒', 'penalties or sanctions'),
        },
        {
          id: 'I4.2',
          name: { zh: '劳动保障监察', en: 'Labour inspection findings' },
          max: provisional(10),
          duty: {
            zh: '接受监督检查，检查中未发现问题（条例第三十五条）',
            en: 'Pass inspections without findings (Art 35)',
          },
          dutySources: ['hr-market-regulation'],
          rule: { type: 'deduct', match: [{ kinds: ['inspection'], outcomes: ['rectification_ordered'] }] },
          sentences: deductSentences('责令改正', 'rectification orders'),
        },
      ],
    },
    {
      id: 'D5',
      name: { zh: '服务绩效与社会评价', en: 'Service performance and social evaluation' },
      max: provisional(30),
      indicators: [
        {
          id: 'I5.1',
          name: { zh: '投诉', en: 'Complaints' },
          max: cite(20, 'intermediary-scheme'),
          duty: {
            zh: '妥善处理投诉，经查属实的投诉计入（条例第四十条）',
            en: 'Handle complaints well; upheld complaints count (Art 40)',
          },
          dutySources: ['hr-market-regulation'],
          rule: { type: 'deduct', match: [{ kinds: ['complaint'] }] },
          sentences: deductSentences('经查属实的投诉', 'upheld complaints'),
        },
        {
          id: 'I5.2',
          name: { zh: '劳动争议', en: 'Labour disputes' },
          max: provisional(10),
          duty: {
            zh: '依法履行劳动合同，劳动人事争议仲裁败诉计入',
            en: 'Honour labour contracts; lost arbitration cases count',
          },
          dutySources: ['criteria-sheet'],
          rule: { type: 'deduct', match: [{ kinds: ['arbitration'] }] },
          sentences: deductSentences('仲裁败诉', 'lost arbitration cases'),
        },
      ],
    },
  ],
  bonus: {
    name: { zh: '加分项', en: 'Bonus' },
    cap: cite(20, 'zhongshan-2024'),
    indicators: [
      {
        id: 'B1',
        name: { zh: '诚信表彰', en: 'Integrity honours' },
        max: provisional(16),
        duty: {
          zh: '获评人力资源诚信服务示范机构等表彰',
          en: 'Honoured as a model integrity agency or similar',
        },
        dutySources: ['zhongshan-2024'],
        rule: {
          type: 'award',
          match: { kinds: ['honour'] },
          points: { national: provisional(10), provincial: provisional(6), municipal: provisional(3) },
          windowMonths: provisional(36),
        },
        sentences: {
          full: { zh: '近三年无表彰记录', en: 'No honours in the last three years' },
          partial: { zh: '表彰{count}项，加{earned}分', en: '{count} honour(s): {earned} points added' },
        },
      },
      {
        id: 'B2',
        name: { zh: '检查合格', en: 'Inspections passed' },
        max: provisional(6),
        duty: { zh: '监督检查、双随机抽查合格', en: 'Passed inspections and random checks' },
        dutySources: ['hr-market-regulation'],
        rule: {
          type: 'award',
          match: { kinds: ['inspection'], outcomes: ['passed'] },
          points: { passed: provisional(2) },
          windowMonths: provisional(24),
        },
        sentences: {
          full: { zh: '近两年无检查合格记录', en: 'No passed inspections in the last two years' },
          partial: {
            zh: '检查合格{count}次，加{earned}分',
            en: '{count} passed inspection(s): {earned} points added',
          },
        },
      },
    ],
  },
  notRated: {
    out_of_scope: {
      sentence: {
        zh: '公共人力资源服务机构不在本评价范围内',
        en: 'Public employment service agencies are outside the scope of this evaluation',
      },
      source: 'zhongshan-2024',
    },
    deregistered: {
      sentence: { zh: '机构已注销，不再评级', en: 'The agency is deregistered and no longer rated' },
      source: 'chengxin-default',
    },
    under_review: {
      sentence: {
        zh: '影响等级的记录正在异议处理中，处理完毕前暂不评级',
        en: 'A record that affects the grade is under objection; not rated until it is decided',
      },
      source: 'chengxin-default',
    },
    too_new: {
      sentence: { zh: '设立未满1年，暂不评级', en: 'In operation for less than a year: not yet rated' },
      source: 'yuyao',
    },
    insufficient_data: {
      sentence: {
        zh: '近两年没有任何监管记录，无法评级',
        en: 'No regulatory record at all in the last two years: too little to rate',
      },
      source: 'chengxin-default',
    },
  },
  findings: {
    deduct: {
      zh: '{title}{doc}（{severity}），扣{points}分，计分至{until}',
      en: '{title}{doc} ({severity}): {points} points lost, counts until {until}',
    },
    award: {
      zh: '{title}，加{points}分，计分至{until}',
      en: '{title}: {points} points added, counts until {until}',
    },
    annualReport: {
      filed: { zh: '{year}年度年报已按时报送', en: '{year} annual report filed on time' },
      late: {
        zh: '{year}年度年报逾期报送，扣{points}分',
        en: '{year} annual report filed late: {points} points lost',
      },
      missing: {
        zh: '{year}年度年报未报送，扣{points}分',
        en: '{year} annual report not filed: {points} points lost',
      },
      unknown: {
        zh: '未见{year}年度年报记录，按情况不明扣{points}分',
        en: 'No record of the {year} annual report: {points} points lost as unknown',
      },
      notDue: {
        zh: '{year}年度早于成立时间，无需报送',
        en: '{year}: before the agency was founded, no report due',
      },
    },
    operatingTime: { zh: '成立于{foundedOn}', en: 'Founded {foundedOn}' },
    notApplicable: { zh: '本项不适用', en: 'Not applicable' },
  },
}

export default ldt3002
