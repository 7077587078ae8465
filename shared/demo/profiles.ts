/** Business profiles of commercial agencies: the service mix and the industry words of the name. */
import type { ServiceType } from '../agency/vocabulary.js'
import type { Random, Weighted } from './random.js'

/** An industry word (行业词) of a company name and the short word used in its alias. */
export type IndustryWord = readonly [word: string, short: string]

/** A kind of agency: always-on services, optional ones with their probability, and naming. */
export type Profile = {
  id: string
  core: readonly ServiceType[]
  extras: readonly (readonly [ServiceType, number])[]
  industry: readonly Weighted<IndustryWord>[]
}

const PLACEMENT: Profile = {
  id: 'placement',
  core: ['placement'],
  extras: [
    ['info_publishing', 0.5],
    ['consulting', 0.15],
  ],
  industry: [
    [['人力资源服务', '人力'], 4],
    [['人才服务', '人才'], 3],
    [['人力资源', '人力'], 2],
    [['就业服务', '就业'], 1],
  ],
}

const DISPATCH: Profile = {
  id: 'dispatch',
  core: ['dispatch', 'outsourcing'],
  extras: [
    ['placement', 0.3],
    ['consulting', 0.1],
  ],
  industry: [
    [['劳务派遣', '劳务'], 4],
    [['人力资源服务', '人力'], 3],
    [['劳务服务', '劳务'], 2],
    [['人力资源管理', '人力'], 1],
  ],
}

const OUTSOURCING: Profile = {
  id: 'outsourcing',
  core: ['outsourcing', 'consulting'],
  extras: [
    ['info_publishing', 0.3],
    ['training', 0.2],
  ],
  industry: [
    [['人力资源服务', '人力'], 3],
    [['人力资源管理', '人力'], 2],
    [['企业服务', '企服'], 1],
  ],
}

const HEADHUNTING: Profile = {
  id: 'headhunting',
  core: ['headhunting'],
  extras: [
    ['consulting', 0.5],
    ['assessment', 0.3],
  ],
  industry: [
    [['猎头咨询', '猎头'], 3],
    [['猎头服务', '猎头'], 2],
    [['人才咨询', '人才'], 1],
    [['企业管理咨询', '咨询'], 1],
  ],
}

const ONLINE: Profile = {
  id: 'online',
  core: ['online_recruitment', 'placement', 'info_publishing'],
  extras: [['assessment', 0.1]],
  industry: [
    [['网络科技', '招聘'], 4],
    [['信息技术', '招聘'], 2],
    [['科技', '招聘'], 1],
  ],
}

const TRAINING: Profile = {
  id: 'training',
  core: ['training'],
  extras: [['assessment', 0.2]],
  industry: [
    [['职业技能培训', '培训'], 3],
    [['职业培训', '培训'], 3],
    [['教育科技', '教育'], 2],
  ],
}

const CONSULTING: Profile = {
  id: 'consulting',
  core: ['consulting'],
  extras: [
    ['assessment', 0.3],
    ['training', 0.2],
  ],
  industry: [
    [['企业管理咨询', '咨询'], 4],
    [['管理咨询', '咨询'], 2],
    [['人力资源咨询', '人力'], 2],
  ],
}

/** Commercial profiles with their share of agencies. */
export const COMMERCIAL_PROFILES: readonly Weighted<Profile>[] = [
  [PLACEMENT, 30],
  [DISPATCH, 28],
  [OUTSOURCING, 12],
  [HEADHUNTING, 10],
  [ONLINE, 6],
  [TRAINING, 7],
  [CONSULTING, 7],
]

/** Services of public employment service centres: always placement and information, often training. */
export const PUBLIC_PROFILE: Profile = {
  id: 'public',
  core: ['placement', 'info_publishing'],
  extras: [
    ['training', 0.4],
    ['consulting', 0.2],
  ],
  industry: [],
}

/** Draws a profile's service types, in the vocabulary's order. */
export function drawServices(random: Random, profile: Profile, order: readonly ServiceType[]): ServiceType[] {
  const chosen = new Set<ServiceType>(profile.core)
  for (const [service, p] of profile.extras) if (random.chance(p)) chosen.add(service)
  return order.filter((service) => chosen.has(service))
}
