/** Every string the site and widget show, zh-CN first with English, in one place. */
import type { Label } from '../shared/agency/vocabulary.js'

export type Lang = 'zh' | 'en'
export const LANGS: readonly Lang[] = ['zh', 'en']
/** The `lang` attribute of each. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' }

export const STRINGS = {
  siteName: { zh: '诚信', en: 'Chengxin' },
  tagline: { zh: '人力资源服务机构诚信评级查询', en: "Integrity grades for China's HR service agencies" },
  navSearch: { zh: '查询', en: 'Search' },
  navMethodology: { zh: '评价方法', en: 'Methodology' },
  navStats: { zh: '统计', en: 'Statistics' },
  navOpenData: { zh: '开放数据', en: 'Open data' },
  navEmbed: { zh: '嵌入徽章', en: 'Embed a badge' },
  otherLanguage: { zh: 'English', en: '中文' },
  skip: { zh: '跳到正文', en: 'Skip to content' },
  demo: {
    zh: '演示数据：本站当前数据均为程序生成，不涉及真实机构。',
    en: 'Demo data: everything shown here is generated and describes no real agency.',
  },
  searchLabel: {
    zh: '机构名称、拼音、统一社会信用代码或许可证号',
    en: 'Agency name, pinyin, USCC or licence number',
  },
  searchPlaceholder: { zh: '例如：广州 人力 或 gzrl', en: 'e.g. 广州 人力 or gzrl' },
  searchButton: { zh: '查询', en: 'Search' },
  filterRegion: { zh: '省份', en: 'Province' },
  filterGrade: { zh: '等级', en: 'Grade' },
  filterService: { zh: '服务类型', en: 'Service type' },
  any: { zh: '全部', en: 'Any' },
  results: { zh: '共 {n} 家机构', en: '{n} agencies' },
  noResults: {
    zh: '没有找到符合条件的机构。请检查名称或代码，或减少筛选条件。',
    en: 'No agency matches. Check the name or code, or remove a filter.',
  },
  searchError: {
    zh: '暂时无法查询，请稍后再试。',
    en: 'Search is unavailable right now; please try again shortly.',
  },
  more: { zh: '更多结果', en: 'More results' },
  staleCursor: {
    zh: '这一页结果已失效，请重新查询。',
    en: 'This page of results has expired; please search again.',
  },
  invalidFilter: {
    zh: '查询条件无效：名称最长 100 个字，地区、等级和服务类型请从列表中选择。',
    en: 'Invalid search: names are at most 100 characters; pick region, grade and service type from the lists.',
  },
  searchHint: {
    zh: '输入机构名称（可用拼音或首字母）、18 位统一社会信用代码或许可证号。',
    en: 'Type an agency name (pinyin or initials work too), its 18-character USCC or a licence number.',
  },
  uscc: { zh: '统一社会信用代码', en: 'Unified Social Credit Code' },
  region: { zh: '所在地', en: 'Region' },
  services: { zh: '服务类型', en: 'Services' },
  founded: { zh: '成立日期', en: 'Founded' },
  aliases: { zh: '曾用名/简称', en: 'Other names' },
  statusOperating: { zh: '存续', en: 'Operating' },
  statusDeregistered: { zh: '已注销', en: 'Deregistered' },
  grade: { zh: '信用等级', en: 'Integrity grade' },
  score: { zh: '得分', en: 'Score' },
  scoreOf: { zh: '基础分 {base} / {maxBase}，加分 {bonus}', en: 'base {base} / {maxBase}, bonus {bonus}' },
  asOf: { zh: '评价日期', en: 'As of' },
  validUntil: { zh: '下次可能变化', en: 'May change on' },
  stale: {
    zh: '该评级已过期，可能不反映最新记录，请以官方公示为准。',
    en: 'This grade is out of date and may not reflect the latest records; check the official sources.',
  },
  notRated: { zh: '未评级', en: 'Not rated' },
  licences: { zh: '许可与备案', en: 'Licences and filings' },
  licenceKind: { zh: '类型', en: 'Kind' },
  licenceNumber: { zh: '编号', en: 'Number' },
  licenceAuthority: { zh: '发证机关', en: 'Issued by' },
  licenceValid: { zh: '有效期至', en: 'Valid until' },
  licenceStatus: { zh: '状态', en: 'Status' },
  noLicences: { zh: '没有登记的许可或备案。', en: 'No licence or filing on record.' },
  basis: { zh: '评级依据', en: 'Why this grade' },
  vetoes: { zh: '一票否决', en: 'Vetoes' },
  caps: { zh: '等级上限', en: 'Caps' },
  points: { zh: '{earned} / {max} 分', en: '{earned} of {max} points' },
  bonus: { zh: '加分', en: 'Bonus' },
  records: { zh: '计入评级的记录', en: 'Records that count' },
  noRecords: { zh: '没有计入评级的记录。', en: 'No record counts towards this grade.' },
  recordDate: { zh: '日期', en: 'Date' },
  recordAuthority: { zh: '机关', en: 'Authority' },
  recordDocument: { zh: '文号', en: 'Document' },
  recordWhat: { zh: '内容', en: 'What' },
  recordSeverity: { zh: '严重程度', en: 'Severity' },
  recordUntil: { zh: '计分至（含）', en: 'Counts until (inclusive)' },
  seeRecord: { zh: '查看该记录', en: 'See the record' },
  searchStatus: { zh: '查询结果', en: 'Search results' },
  recordStatus: { zh: '状态', en: 'Status' },
  recordPoints: { zh: '分值', en: 'Points' },
  underObjection: { zh: '异议处理中', en: 'Under objection' },
  effective: { zh: '有效', en: 'In force' },
  noWindow: { zh: '—', en: '—' },
  recovery: { zh: '恢复日历', en: 'Recovery calendar' },
  recoveryIntro: {
    zh: '若无新的记录，下列日期之后等级将变为：',
    en: 'If nothing else changes, the grade becomes, after each date:',
  },
  recoveryStep: { zh: '{date} 起：{grade}', en: 'From {date}: {grade}' },
  history: { zh: '等级变化', en: 'Grade history' },
  historyEmpty: { zh: '暂无历史。', en: 'No history yet.' },
  historyDate: { zh: '日期', en: 'Date' },
  objection: { zh: '对记录有异议？', en: 'Disagree with a record?' },
  objectionText: {
    zh: '请向作出该记录的机关（见上表“机关”一栏）提出异议或申请信用修复。机关受理后，该记录在本平台标注为“异议处理中”；记录经修复、撤销或驳回后不再计入评级。',
    en: 'Ask the authority that made the record (the "Authority" column above) to review it, or apply for credit repair. While it is under review the record is marked "under objection" here; once repaired, withdrawn or rejected it no longer counts.',
  },
  disclaimer: { zh: '声明', en: 'Disclaimer' },
  officialSources: { zh: '官方信息来源', en: 'Official sources' },
  verify: { zh: '核验签名', en: 'Verify' },
  verifyText: {
    zh: '本页等级有数字签名证明（JWS，ES256），可用公开密钥核验：',
    en: 'This grade comes with a signed attestation (JWS, ES256) you can check against our public keys:',
  },
  attestation: { zh: '签名证明', en: 'Signed attestation' },
  publicKeys: { zh: '公开密钥', en: 'Public keys' },
  auditChain: { zh: '审计链：{n} 条记录，最新哈希', en: 'Audit chain: {n} events, newest hash' },
  methodologyVersion: { zh: '评价方法 {id} 版本 {version}', en: 'Methodology {id} version {version}' },
  notFoundTitle: { zh: '未找到该机构', en: 'Agency not found' },
  notFoundText: {
    zh: '登记簿中没有统一社会信用代码为 {uscc} 的机构。',
    en: 'No agency with the Unified Social Credit Code {uscc} is on the register.',
  },
  invalidTitle: { zh: '代码无效', en: 'Invalid code' },
  pageNotFound: { zh: '页面不存在', en: 'Page not found' },
  backHome: { zh: '返回查询', en: 'Back to search' },
  statsTitle: { zh: '等级分布', en: 'Grade distribution' },
  statsOverall: { zh: '全部机构', en: 'All agencies' },
  statsByProvince: { zh: '按省份', en: 'By province' },
  statsByService: { zh: '按服务类型', en: 'By service type' },
  statsTotal: { zh: '合计', en: 'Total' },
  statsChartLabel: { zh: '{title}：{parts}', en: '{title}: {parts}' },
  methodologyTitle: { zh: '评价方法', en: 'Methodology' },
  methodologyIntro: {
    zh: '以下内容由评价引擎所用的同一份方法数据生成。标有 † 的数值为暂定值：没有公开来源给出，取得 LD/T 3002-2023 全文后将替换。',
    en: 'Generated from the same methodology data the engine runs on. Numbers marked † are provisional: no public source gives them, and they will be replaced once the text of LD/T 3002-2023 is available.',
  },
  versions: { zh: '版本历史', en: 'Version history' },
  inForce: { zh: '现行', en: 'in force' },
  openDataTitle: { zh: '开放数据', en: 'Open data' },
  openDataLatest: {
    zh: '最新发布：{date}，{rows} 家机构',
    en: 'Latest publication: {date}, {rows} agencies',
  },
  openDataNone: { zh: '尚未发布全量文件。', en: 'No bulk files have been published yet.' },
  openDataFile: { zh: '文件', en: 'File' },
  openDataSize: { zh: '大小', en: 'Size' },
  embedTitle: { zh: '嵌入信用徽章', en: 'Embed a badge' },
  embedIntro: {
    zh: '在机构网站上展示信用等级。徽章与小组件都链接回本站的机构页面，显示评价日期，评级过期时变灰。',
    en: "Show an agency's grade on its own site. Badges and the widget link back to the agency's page here, show the as-of date and turn grey when out of date.",
  },
  embedAgency: { zh: '机构统一社会信用代码', en: "Agency's USCC" },
  embedStyle: { zh: '样式', en: 'Style' },
  embedLang: { zh: '语言', en: 'Language' },
  embedTheme: { zh: '主题', en: 'Theme' },
  embedLight: { zh: '浅色', en: 'Light' },
  embedDark: { zh: '深色', en: 'Dark' },
  embedShow: { zh: '生成', en: 'Show' },
  embedPreview: { zh: '预览', en: 'Preview' },
  embedBadge: { zh: '徽章（图片链接）', en: 'Badge (image link)' },
  embedWidget: { zh: '小组件（脚本）', en: 'Widget (script)' },
  embedIframe: { zh: '内嵌框架（iframe）', en: 'Inline frame (iframe)' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  embedPick: {
    zh: '先输入机构代码，或在查询结果中打开机构页面。',
    en: 'Enter an agency code first, or open an agency from the search.',
  },
  widgetDomainWarning: {
    zh: '注意：该机构未登记此网站',
    en: 'Note: the agency has not registered this website',
  },
  widgetUnavailable: { zh: '评级暂不可用', en: 'Grade unavailable' },
  serviceStatus: { zh: '服务状态', en: 'Service status' },
  apiDocs: { zh: '接口文档', en: 'API reference' },
} satisfies Record<string, Label>

export type StringKey = keyof typeof STRINGS

/** A string in a language, with {name} placeholders filled (values are plain text). */
export function t(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

/** One side of a zh/en label. */
export const pick = (label: Label, lang: Lang): string => label[lang]

/** The widget's few words, kept apart so that its bundle carries only these. */
export const WIDGET_STRINGS = {
  label: { zh: '诚信评级', en: 'Integrity grade' },
  asOf: { zh: '截至', en: 'as of' },
  stale: { zh: '已过期', en: 'out of date' },
  loading: { zh: '加载中…', en: 'Loading…' },
  unavailable: { zh: '评级暂不可用', en: 'Grade unavailable' },
  notFound: { zh: '登记簿中无此机构', en: 'Not on the register' },
  domain: { zh: '注意：该机构未登记此网站', en: 'Note: the agency has not registered this site' },
  notRated: { zh: '未评级', en: 'Not rated' },
} satisfies Record<string, Label>
