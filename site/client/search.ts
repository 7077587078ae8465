/**
 * Instant search on the home page: as you type or change a filter, results come from /v1/agencies
 * and the address follows (so Back and sharing work). Without this script the form still submits
 * and the server renders the same list. Words come from the page (data-* attributes), not from here.
 */
type Hit = {
  uscc: string
  name: string
  regionName: string | null
  grade: string
  gradeLabel: { zh: string; en: string }
}
type Page = { total: number; items: Hit[]; next?: string }

const form = document.querySelector<HTMLFormElement>('form.search')
const results = document.getElementById('results')
const status = document.getElementById('search-status')
/** Screen readers hear the count or the problem, not the whole list again. */
const announce = (text: string) => {
  if (status) status.textContent = text
}

function el(tag: string, cls: string, text?: string): HTMLElement {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  if (text !== undefined) e.textContent = text
  return e
}

if (form && results) {
  const lang = form.dataset.lang === 'en' ? 'en' : 'zh'
  const words = form.dataset
  let controller: AbortController | undefined
  // A page the server rendered with results already shows this query.
  const initial = new URLSearchParams(location.search)
  initial.delete('lang')
  initial.delete('cursor')
  let timer: ReturnType<typeof setTimeout> | undefined

  const params = () => {
    const p = new URLSearchParams()
    for (const [k, v] of new FormData(form))
      if (typeof v === 'string' && v.trim() !== '' && k !== 'lang') p.set(k, v.trim())
    return p
  }

  const item = (h: Hit) => {
    const li = el('li', '')
    const a = el('a', '') as HTMLAnchorElement
    a.href = `/a/${encodeURIComponent(h.uscc)}`
    const cls = h.grade === 'A+' ? 'ap' : h.grade.toLowerCase()
    const chip = el('span', `grade grade-${cls}`)
    chip.append(el('b', '', h.grade === 'NR' ? '—' : h.grade), ` ${h.gradeLabel[lang]}`)
    const meta = el('span', 'meta', `${h.regionName ?? ''} · `)
    meta.append(el('span', 'code', h.uscc))
    const name = el('span', 'name', h.name)
    name.lang = 'zh-CN'
    a.append(name, chip, meta)
    li.append(a)
    return li
  }

  const show = (page: Page, query: URLSearchParams, append: boolean) => {
    let list = results.querySelector('ol.results')
    if (!append || !list) {
      results.replaceChildren()
      if (page.total === 0) {
        results.append(el('p', 'empty', words.none ?? ''))
        announce(words.none ?? '')
        return
      }
      const count = (words.count ?? '{n}').replace('{n}', String(page.total))
      results.append(el('p', 'count', count))
      announce(count)
      list = el('ol', 'results')
      results.append(list)
    }
    const added = page.items.map(item)
    list.append(...added)
    // "More" is replaced by the next results: keep the keyboard there.
    if (append) added[0]?.querySelector('a')?.focus()
    results.querySelector('.more')?.parentElement?.remove()
    if (page.next) {
      const next = page.next
      const p = el('p', '')
      const more = el('button', 'more', words.more ?? '') as HTMLButtonElement
      more.type = 'button'
      more.addEventListener('click', () => run(query, next))
      p.append(more)
      results.append(p)
    }
  }

  const run = async (query: URLSearchParams, cursor?: string) => {
    controller?.abort()
    controller = new AbortController()
    const url = new URLSearchParams(query)
    if (cursor) url.set('cursor', cursor)
    try {
      const res = await fetch(`/v1/agencies?${url}`, { signal: controller.signal })
      if (!res.ok) throw new Error(String(res.status))
      show((await res.json()) as Page, query, cursor !== undefined)
    } catch (error) {
      if ((error as Error).name === 'AbortError') return
      results.replaceChildren(el('p', 'error', words.error ?? ''))
      announce(words.error ?? '')
    }
  }

  let last = initial.toString()
  const update = () => {
    const query = params()
    // Leaving the box fires "change" too: the same query must not rebuild the list under the focus.
    if (query.toString() === last) return
    last = query.toString()
    const shown = new URLSearchParams(query)
    if (lang === 'en') shown.set('lang', 'en')
    history.replaceState(null, '', shown.size > 0 ? `/?${shown}` : '/')
    if (query.size === 0) {
      controller?.abort()
      results.replaceChildren()
      announce('')
      return
    }
    void run(query)
  }

  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(update, 180)
  })
  form.addEventListener('change', update)
}
