/** Search over the in-memory index: what a job seeker types finds the agency they mean. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GRADES, SERVICE_TYPES } from '../../../shared/agency/vocabulary.js'
import { composeUscc, parseUscc } from '../../../shared/identity/uscc.js'
import { type SearchEntry, toSearchEntry } from '../../../shared/search/entry.js'
import { pinyinOf } from '../../../shared/search/pinyin.js'
import { derive, normaliseQuery, regionPrefix, search } from '../../../shared/search/search.js'

const chinaDate = (instant: string) => instant.slice(0, 10)

function entry(
  orgBody: string,
  name: string,
  over: Partial<Parameters<typeof toSearchEntry>[0]> = {},
  grade: SearchEntry['grade'] = 'B',
): SearchEntry {
  return toSearchEntry(
    {
      uscc: composeUscc('9', '1', over.region ?? '440101', orgBody),
      name,
      aliases: [],
      region: '440101',
      serviceTypes: ['placement'],
      permits: [],
      demo: false,
      ...over,
    },
    { grade, score: 900, computedAt: '2026-11-30T16:00:00.000Z' },
    pinyinOf,
    chinaDate,
  )
}

const INDEX = [
  entry('MA5TEQT0', '广州市南方人力资源服务有限公司', {
    permits: [{ number: '（粤）人服证字〔2021〕第0103000123号' }],
  }),
  entry('MA5TEQT1', '广州智联招聘服务有限公司', {
    aliases: ['智联广州'],
    serviceTypes: ['online_recruitment'],
  }),
  entry('MA5TEQT2', '深圳前海猎头咨询有限公司', { region: '440300', serviceTypes: ['headhunting'] }, 'A'),
  entry('MA5TEQT3', '杭州西湖劳务派遣有限公司', {
    region: '330106',
    serviceTypes: ['dispatch'],
    permits: [{ number: '330106202400017' }],
  }),
]
const names = (q: Parameters<typeof search>[1]) => search(INDEX, q).map((h) => h.entry.name)

describe('search', () => {
  it('finds by a Chinese substring, full pinyin (any case, spaces) and pinyin initials', () => {
    expect(names({ q: '南方人力' })).toEqual(['广州市南方人力资源服务有限公司'])
    expect(names({ q: 'Nan Fang Ren Li' })).toEqual(['广州市南方人力资源服务有限公司'])
    expect(names({ q: 'shenzhen' })).toEqual(['深圳前海猎头咨询有限公司'])
    expect(names({ q: 'szqh' })).toEqual(['深圳前海猎头咨询有限公司'])
    expect(names({ q: 'HZXH' })).toEqual(['杭州西湖劳务派遣有限公司'])
  })

  it('matches pinyin from the start of a syllable, never from inside one', () => {
    // hanGZhou, shENZHEN: letters that run across syllables are not what anyone types.
    expect(names({ q: 'gz' })).toEqual(['广州市南方人力资源服务有限公司', '广州智联招聘服务有限公司'])
    expect(names({ q: 'enzhen' })).toEqual([])
    expect(names({ q: 'qianhai' })).toEqual(['深圳前海猎头咨询有限公司'])
    expect(search(INDEX, { q: 'qianhai' })[0]?.matched).toBe('pinyin')
  })

  it('ranks a name that starts with the words above one that only contains them', () => {
    expect(names({ q: '广州' })).toEqual(['广州市南方人力资源服务有限公司', '广州智联招聘服务有限公司'])
    expect(names({ q: '智联' })[0]).toBe('广州智联招聘服务有限公司')
  })

  it('finds by a former name or alias', () => {
    const [hit] = search(INDEX, { q: '智联广州' })
    expect(hit?.matched).toBe('alias')
  })

  it('finds by USCC, typed in lower case or full width, and by a prefix of it', () => {
    const target = INDEX[2] as SearchEntry
    const fullWidth = target.uscc.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    for (const q of [target.uscc, target.uscc.toLowerCase(), fullWidth]) {
      expect(search(INDEX, { q })[0]?.entry.uscc).toBe(target.uscc)
    }
    expect(search(INDEX, { q: target.uscc.slice(0, 10) }).map((h) => h.entry.uscc)).toEqual([target.uscc])
  })

  it('finds by licence number, with or without its brackets and punctuation', () => {
    expect(names({ q: '第0103000123号' })).toEqual(['广州市南方人力资源服务有限公司'])
    expect(names({ q: '0103000123' })).toEqual(['广州市南方人力资源服务有限公司'])
    expect(names({ q: '330106202400017' })).toEqual(['杭州西湖劳务派遣有限公司'])
  })

  it('filters by province or city code, grade and service type', () => {
    expect(names({ region: '440000' })).toHaveLength(3)
    expect(names({ region: '440300' })).toEqual(['深圳前海猎头咨询有限公司'])
    expect(names({ region: '330000', serviceType: 'dispatch' })).toEqual(['杭州西湖劳务派遣有限公司'])
    expect(names({ grade: 'A' })).toEqual(['深圳前海猎头咨询有限公司'])
    expect(names({ q: '广州', grade: 'A' })).toEqual([])
  })

  it('reads region codes as the area they stand for', () => {
    expect(regionPrefix('440000')).toBe('44')
    expect(regionPrefix('440100')).toBe('4401')
    expect(regionPrefix('440106')).toBe('440106')
  })

  it('finds nothing for text that matches nothing, rather than everything', () => {
    expect(names({ q: '不存在的机构' })).toEqual([])
    expect(names({ q: 'zzzz' })).toEqual([])
    expect(normaliseQuery(' 南方 · 人力 ')).toBe('南方人力')
  })
})

describe('search, for any input', () => {
  const query = fc.record(
    {
      q: fc.oneof(
        fc.string(),
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom('广州', 'gz', 'nanfang', '9144'),
      ),
      region: fc.constantFrom('440000', '440100', '440300', '330000', '110000'),
      grade: fc.constantFrom(...GRADES),
      serviceType: fc.constantFrom(...SERVICE_TYPES),
    },
    { requiredKeys: [] },
  )

  it('never throws, every hit passes the filters, and the order is best first then by USCC', () => {
    fc.assert(
      fc.property(query, (q) => {
        const hits = search(INDEX, q)
        for (const h of hits) {
          if (q.grade) expect(h.entry.grade).toBe(q.grade)
          if (q.serviceType) expect(h.entry.serviceTypes).toContain(q.serviceType)
          if (q.region) expect(h.entry.region.startsWith(regionPrefix(q.region))).toBe(true)
        }
        for (let i = 1; i < hits.length; i++) {
          const [a, b] = [hits[i - 1], hits[i]] as [(typeof hits)[0], (typeof hits)[0]]
          expect(a.score > b.score || (a.score === b.score && a.entry.uscc < b.entry.uscc)).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('gives the same answer whatever order the index is in', () => {
    fc.assert(
      fc.property(query, fc.shuffledSubarray(INDEX, { minLength: INDEX.length }), (q, shuffled) => {
        expect(search(shuffled, q)).toEqual(search(INDEX, q))
      }),
    )
  })

  it('an empty query lists every agency that passes the filters', () => {
    fc.assert(
      fc.property(query, (q) => {
        const listed = search(INDEX, { ...q, q: '' }).map((h) => h.entry.uscc)
        const expected = INDEX.filter(
          (e) =>
            (!q.grade || e.grade === q.grade) &&
            (!q.serviceType || e.serviceTypes.includes(q.serviceType)) &&
            (!q.region || e.region.startsWith(q.region.replace(/(00)+$/, ''))),
        ).map((e) => e.uscc)
        expect(listed).toEqual(expected.sort())
      }),
    )
  })
})

/**
 * The rules as first written, one entry at a time: the search scans prepared text indexes instead,
 * and must score every entry exactly as this does.
 */
function referenceScore(e: SearchEntry, q: string): number | undefined {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase()
  const nameScore = (n: string) => (n === q ? 100 : n.startsWith(q) ? 80 : n.includes(q) ? 60 : 0)
  const code = q.toUpperCase()
  if (q === '') return 0
  if (code.length === 18 && e.uscc === code) return 200
  if (code.length >= 6 && e.uscc.startsWith(code)) return 150
  if (q.length >= 4 && e.licenceNumbers.some((n) => normaliseQuery(n).includes(q))) return 90
  const byName = nameScore(fold(e.name))
  if (byName) return byName
  if (e.aliases.some((a) => nameScore(fold(a)) > 0)) return 50
  if (!/\p{Script=Han}/u.test(q) && /^[a-z0-9]+$/.test(q)) {
    let best = 0
    for (const reading of e.pinyin.split('|').filter((r) => r !== '')) {
      const syllables = reading.split(' ')
      const joined = syllables.join('')
      if (joined.startsWith(q)) return 40
      let at = 0
      for (const [i, s] of syllables.entries()) {
        if (i > 0 && joined.startsWith(q, at)) best = 30
        at += s.length
      }
    }
    if (best) return best
    if (q.length >= 2) {
      for (const r of e.initials.split('|').filter((x) => x !== '')) if (r.startsWith(q)) return 35
      if (e.initials.split('|').some((r) => r !== '' && r.includes(q))) return 25
    }
  }
  return undefined
}

describe('search over prepared text indexes', () => {
  const han = [...'广州深圳南方人力资源服务有限公司劳务派遣猎头前海西湖智联招聘长重行']
  const name = fc.array(fc.constantFrom(...han), { minLength: 1, maxLength: 10 }).map((c) => c.join(''))
  const anEntry = fc
    .record({
      body: fc.stringMatching(/^[0-9A-HJ-NP-RTUW-Y]{8}$/),
      name,
      aliases: fc.array(name, { maxLength: 2 }),
      licence: fc.option(fc.stringMatching(/^[0-9（）〔〕粤人服证字第号]{4,14}$/), { nil: undefined }),
    })
    .map((r) =>
      entry(r.body, r.name, {
        aliases: r.aliases,
        ...(r.licence ? { permits: [{ number: r.licence }] } : {}),
      }),
    )
  const entries = fc.uniqueArray(anEntry, { minLength: 1, maxLength: 12, selector: (e) => e.uscc })

  it('scores every entry as the rules say, for queries cut from the entries themselves or made up', () => {
    fc.assert(
      fc.property(
        entries,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 4 }),
        (list, which, from, length, made) => {
          const e = list[which % list.length] as SearchEntry
          const sources = [
            e.name,
            e.pinyin.replaceAll(/[ |]/g, ''),
            e.initials,
            e.uscc,
            ...e.licenceNumbers,
            made,
          ]
          const source = sources[which % sources.length] as string
          const start = from % (source.length + 1)
          const raw = source.slice(start, start + 1 + (length % 8))
          const q = parseUscc(raw).ok ? raw.toLowerCase() : normaliseQuery(raw)
          const expected = list
            .map((x) => ({ uscc: x.uscc, score: referenceScore(x, q) }))
            .filter((x) => x.score !== undefined)
            .sort((a, b) => (b.score as number) - (a.score as number) || (a.uscc < b.uscc ? -1 : 1))
          expect(search(list, { q: raw }).map((h) => ({ uscc: h.entry.uscc, score: h.score }))).toEqual(
            expected,
          )
        },
      ),
      { numRuns: 1_000 },
    )
  })
})

describe('search over a list derived from another', () => {
  const han = [...'广州深圳南方人力资源服务劳务派遣猎头']
  const name = fc.array(fc.constantFrom(...han), { minLength: 2, maxLength: 8 }).map((c) => c.join(''))
  const body = fc.stringMatching(/^[0-9A-HJ-NP-RTUW-Y]{8}$/)
  const list = fc
    .uniqueArray(fc.tuple(body, name, fc.constantFrom(...GRADES)), {
      minLength: 1,
      maxLength: 15,
      selector: ([b]) => b,
    })
    .map((rows) => rows.map(([b, n, g]) => entry(b, n, {}, g)).sort((a, b) => (a.uscc < b.uscc ? -1 : 1)))
  const change = fc.tuple(fc.constantFrom('rename', 'regrade', 'remove', 'add'), fc.nat(), body, name)
  const queries = fc.constantFrom('', '广州', '人力', 'gz', 'renli', '服务', '9', '91440')

  it('finds what a fresh search of the same list finds, in the same order, change after change', () => {
    fc.assert(
      fc.property(
        list,
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        queries,
        fc.constantFrom(...GRADES),
        (start, batches, q, grade) => {
          let current: readonly SearchEntry[] = start
          search(current, { q })
          for (const batch of batches) {
            const next = [...current]
            const changed: string[] = []
            for (const [kind, at, b, n] of batch) {
              const i = at % Math.max(1, next.length)
              const old = next[i]
              if (kind === 'add') {
                const added = entry(b, n)
                if (next.some((e) => e.uscc === added.uscc)) continue
                next.push(added)
                changed.push(added.uscc)
              } else if (old) {
                changed.push(old.uscc)
                if (kind === 'remove') next.splice(i, 1)
                else
                  next[i] = kind === 'rename' ? { ...old, ...entry(b, n), uscc: old.uscc } : { ...old, grade }
              }
            }
            next.sort((a, b) => (a.uscc < b.uscc ? -1 : 1))
            derive(next, current, changed)
            current = next
            for (const query of [{ q }, { q, grade }])
              expect(search(current, query)).toEqual(search([...current], query))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
