/**
 * Install a package: configure (schema form or raw JSON, one shared options object), review
 * the final options, then install. BFF field errors (`details[].path`) land on their fields.
 */
import { useMemo, useRef, useState } from 'react'
import type { CatalogPackageDetailView } from '@meridian/api'
import { Button } from '#shared/ui/button.tsx'
import { FormErrors } from '#shared/ui/form-errors.tsx'
import { defaultsOf, validateOptions, type FieldErrors, type JsonSchema } from '../model/json-schema.ts'
import { SchemaForm } from './schema-form.tsx'

type Step = 'configure' | 'review'

export function InstallFlow({
  pkg,
  pending,
  serverErrors,
  onInstall,
  onCancel,
}: {
  pkg: CatalogPackageDetailView
  pending: boolean
  serverErrors: FieldErrors
  onInstall: (options: Record<string, unknown>) => void
  onCancel: () => void
}) {
  const schema = useMemo(() => (pkg.configSchema ?? { type: 'object', properties: {} }) as JsonSchema, [pkg.configSchema])
  const [options, setOptions] = useState<Record<string, unknown>>(() => (defaultsOf(schema) as Record<string, unknown>) ?? {})
  const [raw, setRaw] = useState<string | null>(null)
  const [rawError, setRawError] = useState<string | null>(null)
  const [step, setStep] = useState<Step>('configure')
  const [showErrors, setShowErrors] = useState(false)
  const clientErrors = validateOptions(schema, options)
  const errors = { ...(showErrors ? clientErrors : {}), ...serverErrors }

  const applyRaw = (): Record<string, unknown> | null => {
    if (raw === null) return options
    try {
      const v = JSON.parse(raw) as unknown
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('Options must be a JSON object')
      setRawError(null)
      setOptions(v as Record<string, unknown>)
      return v as Record<string, unknown>
    } catch (e) {
      setRawError(e instanceof Error ? e.message : 'Invalid JSON')
      return null
    }
  }
  const toggleRaw = () => {
    if (raw === null) setRaw(JSON.stringify(options, null, 2))
    else if (applyRaw()) setRaw(null)
  }
  const sectionRef = useRef<HTMLElement>(null)
  const review = () => {
    const v = applyRaw()
    if (!v) return
    setShowErrors(true)
    if (Object.keys(validateOptions(schema, v)).length === 0) return setStep('review')
    // Take the user to the first field to fix (a long form leaves it far above the button).
    requestAnimationFrame(() => {
      const first = sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      first?.scrollIntoView?.({ block: 'center' })
      first?.focus()
    })
  }
  return (
    <section ref={sectionRef} className="card card-pad stack" aria-label={`Install ${pkg.name}`}>
      <ol className="steps plain-list" aria-label="Install steps">
        <li aria-current={step === 'configure' ? 'step' : undefined}>1. Configure</li>
        <li aria-hidden="true">›</li>
        <li aria-current={step === 'review' ? 'step' : undefined}>2. Review and install</li>
      </ol>
      {step === 'configure' ? (
        <>
          <div className="row">
            <Button size="sm" onClick={toggleRaw} aria-pressed={raw !== null}>
              {raw === null ? 'Edit raw JSON' : 'Back to the form'}
            </Button>
          </div>
          {raw !== null ? (
            <div className="field">
              <label className="field-label" htmlFor="install-raw-options">
                Options (JSON)
              </label>
              <textarea
                id="install-raw-options"
                className="textarea"
                spellCheck={false}
                value={raw}
                aria-invalid={rawError || (showErrors && Object.keys(errors).length > 0) ? true : undefined}
                aria-describedby="install-raw-errors"
                onChange={(e) => setRaw(e.target.value)}
              />
              <div id="install-raw-errors">
                {rawError ? (
                  <span className="field-error" role="alert">
                    {rawError}
                  </span>
                ) : (
                  // The form is not shown: list what is wrong with the options by path.
                  <FormErrors errors={errors} />
                )}
              </div>
            </div>
          ) : (
            <SchemaForm schema={schema} value={options} errors={errors} onChange={setOptions} />
          )}
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <Button onClick={onCancel}>Cancel</Button>
            <Button variant="primary" onClick={review}>
              Review
            </Button>
          </div>
        </>
      ) : (
        <>
          {pkg.preInstallNotes && <p className="degraded-banner">{pkg.preInstallNotes}</p>}
          <p style={{ margin: 0 }}>
            Install <strong>{pkg.name}</strong> {pkg.version} with these options:
          </p>
          <pre className="code-block" aria-label="Options to install">
            {JSON.stringify(options, null, 2)}
          </pre>
          {Object.keys(serverErrors).length > 0 && (
            <ul className="field-error" role="alert">
              {Object.entries(serverErrors).map(([k, v]) => (
                <li key={k}>
                  <code>{k}</code>: {v}
                </li>
              ))}
            </ul>
          )}
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <Button onClick={() => setStep('configure')}>Back</Button>
            <Button variant="primary" disabled={pending} onClick={() => onInstall(options)}>
              {pending ? 'Installing…' : `Install ${pkg.name}`}
            </Button>
          </div>
        </>
      )}
    </section>
  )
}
