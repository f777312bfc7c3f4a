/**
 * zod validation for routes with the BFF's error envelope: every invalid input is a 400
 * ValidationFailed whose details name the offending fields.
 */
import { zValidator } from '@hono/zod-validator'
import type { FieldError } from '@meridian/api'
import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { errorEnvelope } from '../errors.ts'

const WHAT: Partial<Record<keyof ValidationTargets, string>> = { json: 'request body', query: 'query parameters', param: 'path', form: 'form', header: 'headers', cookie: 'cookies' }

/** `zValidator` with the envelope hook. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const details: FieldError[] = result.error.issues.map((i) => ({ path: '/' + i.path.map(String).join('/'), errors: [i.message] }))
      const first = details[0]
      const summary = first ? `: ${first.path === '/' ? '' : `${first.path.slice(1)} `}${first.errors[0] ?? 'invalid'}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}` : ''
      return c.json(errorEnvelope('ValidationFailed', `Invalid ${WHAT[target] ?? target}${summary}`, details), 400)
    }
    return undefined
  })
}
