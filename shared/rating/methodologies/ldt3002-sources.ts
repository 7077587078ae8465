/**
 * The sources the ldt3002 methodology cites, with how far each can be trusted. Tags follow
 * methodology-research.md: confirmed [Q], secondary [S], inference [I], background [M], and
 * Chengxin's provisional design defaults [D].
 */
import type { Source } from '../methodology-types.js'

export const LDT3002_SOURCES = [
  {
    id: 'ldt3002-catalogue',
    tier: 'confirmed',
    title: {
      zh: 'LD/T 3002-2023《人力资源服务机构诚信评价规范》（标准目录条目：编号与适用范围）',
      en: 'LD/T 3002-2023 Human Resource Service Institution Credit Evaluation Specification (catalogue entry: number and scope)',
    },
    url: 'https://www.gbstd.com/en-us/list-55.html?page=2',
    note: {
      zh: '标准全文未能取得；本方法不是该标准的条文。',
      en: 'The full text could not be obtained; this methodology is not its text.',
    },
  },
  {
    id: 'mohrss-2025-6',
    tier: 'secondary',
    title: {
      zh: '人社厅发〔2025〕6号《劳务派遣单位信用等级评价指南》：A+（优秀）、A（良好）、B（合格）、C（较差）、D（差）五级',
      en: 'MOHRSS guide on credit grades of labour-dispatch firms (2025): five levels A+ to D',
    },
    url: 'http://rpsgia.com/juanru/FwUG.html',
  },
  {
    id: 'henan-2026',
    tier: 'secondary',
    title: {
      zh: '河南省《劳务派遣单位信用等级评价办法》（2026）：A级及以上不超过参评单位的20%，A+级不超过10%',
      en: 'Henan measures on credit grades of labour-dispatch firms (2026): A and above at most 20% of graded firms, A+ at most 10%',
    },
    url: 'https://www.hnwaifu.com/news/tzgg/470.html',
  },
  {
    id: 'zhongshan-2024',
    tier: 'confirmed',
    title: {
      zh: '中山市《人力资源服务机构诚信服务等级评定暂行办法》（2024）：基础分100分，加分20分',
      en: 'Zhongshan interim measures on HR agency integrity grades (2024): base 100 points plus 20 bonus',
    },
    url: 'http://www.zs.gov.cn/zwgk/gzdt/tzgg/content/post_2452696.html',
  },
  {
    id: 'criteria-sheet',
    tier: 'secondary',
    title: {
      zh: '《经营性人力资源服务机构信用等级评价认定指标》：基本条件10分；一票否决、定级评D的情形',
      en: 'Credit-grade criteria sheet for commercial HR agencies: basic conditions 10 points; veto items graded D',
    },
    url: 'https://001doc.com/doc/1126191.html',
  },
  {
    id: 'yuyao',
    tier: 'secondary',
    title: {
      zh: '余姚市《人力资源服务机构诚信等级评价办法（试行）》：设立满1年方可参评',
      en: 'Yuyao HR agency integrity grading measures (trial): eligible after one year in operation',
    },
    url: 'https://hwjtz.com/a/oubaoxinwendongtai/oubaopingtai/4578.html',
  },
  {
    id: 'credit-repair-2025',
    tier: 'secondary',
    title: {
      zh: '《信用修复管理办法》（国家发展改革委，2026-04-01施行）：轻微不公示或不超过3个月，一般3个月至1年，严重1至3年',
      en: 'NDRC credit repair measures (in force 2026-04-01): minor not published or up to 3 months, general 3–12 months, serious 1–3 years',
    },
    url: 'http://www.jnyxfs.com/news/79c1199909.html',
  },
  {
    id: 'hr-market-regulation',
    tier: 'confirmed',
    title: {
      zh: '《人力资源市场暂行条例》（国务院令第700号）',
      en: 'Interim Regulations on the Human Resources Market (State Council Order No. 700)',
    },
    url: 'https://www.gov.cn/zhengce/content/2018-07/17/content_5306967.htm',
  },
  {
    id: 'mohrss-order-44',
    tier: 'secondary',
    title: {
      zh: '《网络招聘服务管理规定》（人社部令第44号）：首页持续公示证照、审核用人单位信息、信息及时更新、个人信息保护',
      en: 'Online Recruitment Services Provisions (MOHRSS Order No. 44): licence on the home page, employer review, current postings, personal data',
    },
    url: 'http://www.hzjfms.com/index.php?columnid=24&id=1389',
  },
  {
    id: 'ldt3001',
    tier: 'confirmed',
    title: {
      zh: 'LD/T 3001-2023《网络招聘服务规范》（仅确认存在与适用范围）',
      en: 'LD/T 3001-2023 Online recruitment service specification (existence and scope only)',
    },
    url: 'https://m.aqrzj.com/docdown/335619.html',
  },
  {
    id: 'platform-notice-2026',
    tier: 'confirmed',
    title: {
      zh: '五部门《关于规范网络平台招聘类信息发布的通知》（2026）：持续展示证照，10个工作日内更新',
      en: 'Five-ministry notice on recruitment postings on online platforms (2026): licences shown, changes within 10 working days',
    },
    url: 'https://news.southcn.com/node_2eb87b1c85/80705ac878.shtml',
  },
  {
    id: 'mohrss-2019-87',
    tier: 'secondary',
    title: {
      zh: '人社部发〔2019〕87号《关于进一步规范人力资源市场秩序的意见》：红黑名单、失信惩戒',
      en: 'MOHRSS opinion on order in the HR market (2019): red and black lists, penalties for dishonesty',
    },
    url: 'https://www.ncss.cn/zx/jydt/jyxsfx/298934.shtml',
  },
  {
    id: 'labour-contract-law',
    tier: 'background',
    title: {
      zh: '《劳动合同法》第五十七条：经营劳务派遣业务应取得行政许可',
      en: 'Labour Contract Law Art 57: labour dispatch requires an administrative licence',
    },
  },
  {
    id: 'enterprise-disclosure',
    tier: 'background',
    title: {
      zh: '《企业信息公示暂行条例》：每年1月1日至6月30日报送上一年度年度报告',
      en: 'Interim Regulations on Enterprise Information Disclosure: the annual report is due between 1 January and 30 June',
    },
  },
  {
    id: 'intermediary-scheme',
    tier: 'secondary',
    title: {
      zh: '《中介机构信用评估监管办法》：社会评价20分',
      en: 'Credit evaluation measures for intermediaries: social evaluation 20 points',
    },
    url: 'https://m.daumloan.com/p-628098353.html',
  },
  {
    id: 'chengxin-default',
    tier: 'provisional',
    title: {
      zh: '诚信平台的暂定取值：没有来源给出此数值，取得 LD/T 3002-2023 全文后将替换',
      en: "Chengxin's provisional value: no source gives this number; to be replaced once the text of LD/T 3002-2023 is available",
    },
  },
] as const satisfies readonly Source[]

export type Ldt3002SourceId = (typeof LDT3002_SOURCES)[number]['id']
