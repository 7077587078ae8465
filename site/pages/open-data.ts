/** Open data: what can be had today, in what form, under which licence, and how to check signatures. */
import { type Lang, t } from '../i18n.js'
import { type Html, html } from './html.js'
import { layout, type PageContext } from './layout.js'

const TEXT: Record<Lang, Html> = {
  zh: html`<p>诚信的全部评级及其依据都可以自由获取和再利用。</p>
<h2>现在可以获取</h2>
<ul>
<li><a href="/v1/docs">公开接口</a>（JSON，无需密钥，允许跨域）：每家机构的等级、得分、完整评价依据与计入的记录，等级历史，统计，评价方法数据。</li>
<li>每家机构的签名证明：<code>/v1/agencies/{代码}/attestation</code>，紧凑 JWS（ES256），内容为等级、得分、方法版本、评价日期与内容哈希。</li>
<li>评价方法：<a href="/methodology">评价方法页面</a>与 <a href="/v1/methodology">JSON 数据</a>，每个数值注明来源。</li>
</ul>
<h2>全量下载</h2>
<p>每天发布一次全量登记簿（每家机构一行，格式 1.0）：<code>ratings.jsonl.gz</code>（每行一个 JSON）、<code>ratings.json</code>（一个 JSON 文档，另有 .gz）、<code>ratings.csv</code>（UTF-8 带 BOM，Excel 可直接打开）；增量文件 <code>delta-1d/7d/31d.jsonl.gz</code> 列出 1、7、31 天以来的新增与变更、已不再计分记录的删除标记（tombstone）和已移出登记簿的机构；<code>record.schema.json</code>（JSON Schema）、<code>datapackage.json</code>（每个文件的字节数与 SHA-256）、<code>SHA256SUMS</code> 及其签名 <code>SHA256SUMS.jws</code>。轻微记录、已修复、已撤销或已过公示期的记录不发布。</p>
<h2>许可</h2>
<p>数据以 <a href="https://creativecommons.org/licenses/by/4.0/deed.zh-hans" rel="noopener">CC BY 4.0</a> 发布：可自由使用、再发布，请注明“诚信 Chengxin”并保留评价日期。原始信用信息来自各级监管部门的公开记录。</p>
<h2>如何核验签名</h2>
<ol>
<li>取得签名证明：<code>GET /v1/agencies/{代码}/attestation</code>，字段 <code>jws</code>。</li>
<li>取得公开密钥：<a href="/.well-known/jwks.json"><code>/.well-known/jwks.json</code></a>，按 JWS 头部的 <code>kid</code> 选择密钥。</li>
<li>用任何 JOSE 库（例如 <code>jose</code>）以 ES256 验证；载荷为 RFC 8785 规范化 JSON，其中的 <code>contentHash</code> 与机构页面和接口返回的一致。</li>
</ol>
<p>全量文件：<code>SHA256SUMS.jws</code> 是对 <code>SHA256SUMS</code> 的分离式 JWS（载荷省略，RFC 7515 附录 F）；验证签名后，逐一核对文件的 SHA-256。一条命令完成全部检查：</p>
<pre><code>npm run verify-open-data -- https://（本站地址）/open-data/</code></pre>`,
  en: html`<p>Every grade on Chengxin, and the basis for it, is free to take and reuse.</p>
<h2>Available now</h2>
<ul>
<li>The <a href="/v1/docs">public API</a> (JSON, no key, open to other sites): each agency's grade, score, full basis and the records that count, grade history, statistics and the methodology as data.</li>
<li>A signed attestation for each agency: <code>/v1/agencies/{USCC}/attestation</code>, a compact JWS (ES256) of grade, score, methodology version, as-of date and content hash.</li>
<li>The methodology: the <a href="/methodology">methodology page</a> and <a href="/v1/methodology">its data</a>, with a source for every number.</li>
</ul>
<h2>Bulk downloads</h2>
<p>The whole register is published daily, one agency a row (format 1.0): <code>ratings.jsonl.gz</code> (a JSON object a line), <code>ratings.json</code> (one JSON document, also gzipped) and <code>ratings.csv</code> (UTF-8 with a BOM, opens in Excel). The delta files <code>delta-1d/7d/31d.jsonl.gz</code> list what is new or changed since 1, 7 and 31 days, tombstones for records that no longer count, and agencies that left the register. With them: <code>record.schema.json</code> (JSON Schema), <code>datapackage.json</code> (every file's size and SHA-256), <code>SHA256SUMS</code> and its signature <code>SHA256SUMS.jws</code>. Minor records, and records repaired, withdrawn or past their publicity window, are never published.</p>
<h2>Licence</h2>
<p>The data is published under <a href="https://creativecommons.org/licenses/by/4.0/" rel="noopener">CC BY 4.0</a>: use and republish it freely, crediting "Chengxin 诚信" and keeping the as-of date. The underlying credit information comes from regulators' public records.</p>
<h2>Verifying a signature</h2>
<ol>
<li>Fetch the attestation: <code>GET /v1/agencies/{USCC}/attestation</code>, field <code>jws</code>.</li>
<li>Fetch the public keys: <a href="/.well-known/jwks.json"><code>/.well-known/jwks.json</code></a>, and pick the key named by the JWS header's <code>kid</code>.</li>
<li>Verify with any JOSE library (<code>jose</code>, for one) as ES256; the payload is RFC 8785 canonical JSON, and its <code>contentHash</code> matches the one the agency page and the API show.</li>
</ol>
<p>Bulk files: <code>SHA256SUMS.jws</code> is a detached JWS over <code>SHA256SUMS</code> (payload left out, RFC 7515 appendix F); once the signature verifies, check each file's SHA-256 against the list. One command does it all:</p>
<pre><code>npm run verify-open-data -- https://(this site)/open-data/</code></pre>`,
}

export type PublishedFiles = {
  date: string
  folder: string
  rows: number
  files: { name: string; bytes: number; sha256: string }[]
}

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

function latest(lang: Lang, published: PublishedFiles | undefined): Html {
  if (!published) return html`<p>${t(lang, 'openDataNone')}</p>`
  return html`<h2>${t(lang, 'openDataLatest', { date: published.date, rows: published.rows })}</h2>
<div class="scroll" tabindex="0" role="region" aria-label="${t(lang, 'openDataLatest', { date: published.date, rows: published.rows })}"><table><thead><tr><th scope="col">${t(lang, 'openDataFile')}</th><th scope="col" class="num">${t(lang, 'openDataSize')}</th><th scope="col">SHA-256</th></tr></thead><tbody>${published.files.map(
    (f) =>
      html`<tr><td><a href="/open-data/${published.folder}${f.name}" download>${f.name}</a></td><td class="num">${size(f.bytes)}</td><td class="code">${f.sha256.slice(0, 16)}…</td></tr>`,
  )}</tbody></table></div>
<p><a href="/v1/open-data">/v1/open-data</a> · <a href="/open-data/latest.json">latest.json</a></p>`
}

export function openDataPage(ctx: PageContext, published?: PublishedFiles): string {
  const main = html`<h1>${t(ctx.lang, 'openDataTitle')}</h1>${latest(ctx.lang, published)}${TEXT[ctx.lang]}`
  return layout(ctx, { title: t(ctx.lang, 'openDataTitle'), main })
}
