/**
 * The embed page, live: changing the agency code or an option updates the preview and the snippets
 * without a reload; Copy puts a snippet on the clipboard. Without this script the form still works.
 */
import { parseUscc } from '../../shared/identity/uscc.js'
import { snippets } from '../pages/embed.js'

const form = document.getElementById('embed-form') as HTMLFormElement | null

if (form) {
  const origin = form.dataset.origin ?? location.origin
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? ''

  const update = () => {
    const parsed = parseUscc(value('uscc'))
    const input = form.elements.namedItem('uscc') as HTMLInputElement | null
    const out = document.getElementById('embed-out')
    // Never leave another agency's snippets to be copied under a code that is not valid.
    input?.setAttribute('aria-invalid', String(!parsed.ok))
    if (out) out.hidden = !parsed.ok
    if (!parsed.ok || !document.getElementById('snip-badge')) return
    const badgeLang = value('badgeLang') === 'en' ? 'en' : 'zh'
    const theme = value('theme') === 'dark' ? 'dark' : 'light'
    const choice = { uscc: parsed.value, style: value('style'), badgeLang, theme } as const
    const s = snippets(origin, choice)
    for (const [id, code] of [
      ['snip-badge', s.badge],
      ['snip-widget', s.widget],
      ['snip-iframe', s.iframe],
    ] as const) {
      const area = document.getElementById(id) as HTMLTextAreaElement | null
      if (area) area.value = code
    }
    const img = document.getElementById('preview-badge') as HTMLImageElement | null
    if (img) img.src = s.badgeUrl
    const holder = document.getElementById('preview-widget')
    if (holder) {
      const script = document.createElement('script')
      script.src = '/widget.js'
      script.async = true
      script.dataset.uscc = choice.uscc
      script.dataset.lang = badgeLang
      script.dataset.theme = theme
      holder.replaceChildren(script)
    }
    const shown = new URLSearchParams({ uscc: choice.uscc, style: choice.style, badgeLang, theme })
    history.replaceState(null, '', `/embed?${shown}`)
  }

  form.addEventListener('change', update)
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.copy')
    const area = button && (document.getElementById(button.dataset.for ?? '') as HTMLTextAreaElement | null)
    if (!button || !area) return
    const done = () => {
      button.textContent = button.dataset.done ?? ''
    }
    navigator.clipboard?.writeText(area.value).then(done, () => {
      area.select()
      done()
    })
  })
}
