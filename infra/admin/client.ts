/**
 * An officer's side of the admin API: every request signed with the officer's private key
 * (shared/auth/sign-request.ts) over its method, path and body, sent over HTTP(S).
 */
import { type OfficerKeyPair, signRequest } from '../../shared/auth/sign-request.js'

export type Answer = { status: number; body: Record<string, unknown> }

export function adminClient(baseUrl: string, key: OfficerKeyPair, now: () => Date = () => new Date()) {
  const base = new URL(baseUrl)
  return async function call(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<Answer> {
    const url = new URL(path, base)
    const body = method === 'GET' ? '' : JSON.stringify(payload ?? {})
    const jws = await signRequest(
      key,
      { method, path: `${url.pathname}${url.search}`, body },
      now().getTime(),
    )
    let res: Response
    try {
      res = await fetch(url, {
        method,
        headers: { Authorization: `Chengxin-JWS ${jws}`, 'Content-Type': 'application/json' },
        ...(method === 'GET' ? {} : { body }),
      })
    } catch (error) {
      throw new Error(
        `Cannot reach ${base.origin} (${(error as Error).message}); is \`npm start\` running, or is --api right?`,
      )
    }
    const text = await res.text()
    let parsed: Record<string, unknown>
    try {
      parsed = JSON.parse(text) as Record<string, unknown>
    } catch {
      parsed = { error: 'not_json', message: text.slice(0, 200) }
    }
    return { status: res.status, body: parsed }
  }
}
