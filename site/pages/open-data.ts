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
<h2>即将发布：全量下载</h2>
<p>全量登记簿的每日快照与增量文件（JSON Lines 压缩包、Excel 可直接打开的 UTF-8 CSV）、<code>datapackage.json</code>（含字节数与 SHA-256）、JSON Schema 和签名的校验和清单，正在建设中；发布后会在本页列出下载地址。</p>
<h2>许可</h2>
<p>数据以 <a href="https://creativecommons.org/licenses/by/4.0/deed.zh-hans" rel="noopener">CC BY 4.0</a> 发布：可自由使用、再发布，请注明“诚信 Chengxin”并保留评价日期。原始信用信息来自各级监管部门的公开记录。</p>
<h2>如何核验签名</h2>
<ol>
<li>取得签名证明：<code>GET /v1/agencies/{代码}/attestation</code>，字段 <code>jws</code>。</li>
<li>取得公开密钥：<a href="/.well-known/jwks.json"><code>/.well-known/jwks.json</code></a>，按 JWS 头部的 <code>kid</code> 选择密钥。</li>
<li>用任何 JOSE 库（例如 <code>jose</code>）以 ES256 验证；载荷为 RFC 8785 规范化 JSON，其中的 <code>contentHash</code> 与机构页面和接口返回的一致。</li>
</ol>`,
  en: html`<p>Every grade on Chengxin, and the basis for it, is free to take and reuse.</p>
<h2>Available now</h2>
<ul>
<li>The <a href="/v1/docs">public API</a> (JSON, no key, open to other sites): each agency's grade, score, full basis and the records that count, grade history, statistics and the methodology as data.</li>
<li>A signed attestation for each agency: <code>/v1/agencies/{USCC}/attestation</code>, a compact JWS (ES256) of grade, score, methodology version, as-of date and content hash.</li>
<li>The methodology: the <a href="/methodology">methodology page</a> and <a href="/v1/methodology">its data</a>, with a source for every number.</li>
</ul>
<h2>Coming: bulk downloads</h2>
<p>Daily snapshots and deltas of the whole register (gzipped JSON Lines and UTF-8 CSV that Excel opens), <code>datapackage.json</code> with sizes and SHA-256, a JSON Schema and a signed checksum list are being built; this page will list them once they are published.</p>
<h2>Licence</h2>
<p>The data is published under <a href="https://creativecommons.org/licenses/by/4.0/" rel="noopener">CC BY 4.0</a>: use and republish it freely, crediting "Chengxin 诚信" and keeping the as-of date. The underlying credit information comes from regulators' public records.</p>
<h2>Verifying a signature</h2>
<ol>
<li>Fetch the attestation: <code>GET /v1/agencies/{USCC}/attestation</code>, field <code>jws</code>.</li>
<li>Fetch the public keys: <a href="/.well-known/jwks.json"><code>/.well-known/jwks.json</code></a>, and pick the key named by the JWS header's <code>kid</code>.</li>
<li>Verify with any JOSE library (<code>jose</code>, for one) as ES256; the payload is RFC 8785 canonical JSON, and its <code>contentHash</code> matches the one the agency page and the API show.</li>
</ol>`,
}

export function openDataPage(ctx: PageContext): string {
  const main = html`<h1>${t(ctx.lang, 'openDataTitle')}</h1>${TEXT[ctx.lang]}`
  return layout(ctx, { title: t(ctx.lang, 'openDataTitle'), main })
}
