/** The placeholder home page: what Chengxin is and what is coming, zh-CN first with English. */

const COMING = [
  { zh: '按名称或统一社会信用代码查询机构', en: 'Look up an agency by name or Unified Social Credit Code' },
  { zh: '信用等级及其评价依据，逐条可查', en: 'Its grade and the basis for it, record by record' },
  { zh: '评价方法公开，每个数值注明来源', en: 'A published methodology with a source for every number' },
  { zh: '机构可嵌入的信用徽章', en: 'A badge agencies can embed on their own sites' },
  { zh: '全量开放数据下载，附签名与校验', en: 'The whole register as signed, verifiable open data' },
]

/** Renders the home page. Static text only: nothing from the request is echoed. */
export function renderHome(options: { demo: boolean }): string {
  const items = COMING.map(
    (i) => `<li><span lang="zh-CN">${i.zh}</span><br><span lang="en" class="en">${i.en}</span></li>`,
  )
  const demo = options.demo
    ? `<p class="demo" role="note"><strong>演示数据</strong>：本站当前数据均为程序生成，不涉及真实机构。<br><span lang="en" class="en"><strong>Demo data</strong>: everything shown here is generated and describes no real agency.</span></p>`
    : ''
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>诚信 Chengxin · 人力资源服务机构诚信评级查询</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.6; }
  body { margin: 0 auto; max-width: 40rem; padding: 1.25rem; }
  h1 { font-size: 1.75rem; margin: 0.5rem 0 0; }
  .en { color: GrayText; font-size: 0.95em; }
  .demo { border: 2px solid #b45309; border-radius: 0.5rem; padding: 0.75rem; background: color-mix(in srgb, #f59e0b 15%, Canvas); }
  ul { padding-left: 1.25rem; } li { margin: 0.5rem 0; }
  footer { margin-top: 2rem; font-size: 0.875rem; }
</style>
</head>
<body>
<main>
${demo}
<h1>诚信 <span lang="en">Chengxin</span></h1>
<p>人力资源服务机构诚信评级查询：依据监管部门公开的信用记录，参照 LD/T 3002-2023《人力资源服务机构诚信评价规范》评定等级，并公开每一项依据。<br>
<span lang="en" class="en">Integrity grades for China's HR service agencies, computed from regulators' public credit records in the spirit of LD/T 3002-2023, with the basis for every grade shown.</span></p>
<h2>即将推出 <span lang="en" class="en">Coming soon</span></h2>
<ul>${items.join('')}</ul>
<p>本评级为本平台依据公开监管记录形成的意见，不构成担保。<br><span lang="en" class="en">A grade is our opinion formed from public regulatory records; it is not a guarantee.</span></p>
</main>
<footer><a href="/health">服务状态 <span lang="en">Service status</span></a></footer>
</body>
</html>`
}
