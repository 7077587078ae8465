/** Input the engine cannot rate is a RatingInputError naming the field, never a crash. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../shared/rating/evaluate.js'
import { type RatingInput, RatingInputError } from '../../../shared/rating/input.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import { AS_OF, clean } from '../../fixtures/rating.js'

const rate = (input: unknown) => evaluate(input as RatingInput, DEFAULT_METHODOLOGY, AS_OF)
const base = clean().withPenalty('minor', '2026-11-01').input

function problem(input: unknown) {
  try {
    rate(input)
  } catch (error) {
    if (error instanceof RatingInputError) return error.problem
    throw error
  }
  return undefined
}

describe('input the engine refuses', () => {
  it.each([
    {
      name: 'an invalid USCC',
      input: { ...base, agency: { ...base.agency, uscc: '91440101MA5TEQT04X' } },
      path: 'agency.uscc',
    },
    {
      name: 'a lower-case USCC (store them canonical)',
      input: { ...base, agency: { ...base.agency, uscc: '91440101ma5teqt04h' } },
      path: 'agency.uscc',
    },
    {
      name: 'a founding date that is no date',
      input: { ...base, agency: { ...base.agency, foundedOn: '2019-02-30' } },
      path: 'agency.foundedOn',
    },
    {
      name: 'an unknown service type',
      input: { ...base, agency: { ...base.agency, serviceTypes: ['astrology'] } },
      path: 'agency.serviceTypes[0]',
    },
    {
      name: 'a record of an unknown kind',
      input: { ...base, records: [{ ...base.records[3], kind: 'rumour' }] },
      path: 'records[0].kind',
    },
    {
      name: 'a penalty without a severity',
      input: { ...base, records: [{ ...base.records[3], severity: undefined }] },
      path: 'records[0].severity',
    },
    {
      name: 'an honour with a severity',
      input: { ...base, records: [{ ...base.records[3], kind: 'honour', outcome: 'national' }] },
      path: 'records[0].severity',
    },
    {
      name: 'two records with one id',
      input: { ...base, records: [base.records[0], base.records[0]] },
      path: 'records[1].id',
    },
    { name: 'no agency', input: { records: [] }, path: 'agency' },
  ])('$name → $path', ({ input, path }) => {
    const found = problem(input)
    expect(found?.path).toBe(path)
    expect(found?.message.zh).toBeTruthy()
    expect(found?.message.en).toBeTruthy()
  })

  it('never throws anything but RatingInputError, whatever a record field holds', () => {
    const anyValue = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(undefined),
      fc.constant(null),
      fc.object(),
    )
    const field = fc.constantFrom(
      'id',
      'kind',
      'severity',
      'outcome',
      'violation',
      'year',
      'occurredOn',
      'status',
      'authority',
      'title',
    )
    fc.assert(
      fc.property(field, anyValue, (name, value) => {
        const record = { ...base.records[3], [name]: value }
        try {
          rate({ ...base, records: [record] })
        } catch (error) {
          expect(error).toBeInstanceOf(RatingInputError)
        }
      }),
      { numRuns: 500 },
    )
  })
})
