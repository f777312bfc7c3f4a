/**
 * A small recursive renderer over a package's JSON Schema: objects become fieldsets (nested
 * sections), enums selects, booleans checkboxes, numbers number inputs, strings text inputs.
 * Descriptions are the help text; errors (client or BFF, keyed by JSON pointer) sit under
 * their field.
 */
import { useId } from 'react'
import { fieldLabel as label, formSections, SECTION_NAV_MIN } from '../model/form-sections.ts'
import { getAt, schemaType, setAt, type FieldErrors, type JsonSchema } from '../model/json-schema.ts'

interface FieldProps {
  name: string
  schema: JsonSchema
  path: string[]
  value: unknown
  required: boolean
  errors: FieldErrors
  onChange: (path: string[], v: unknown) => void
  /** element id of a top-level section (the section nav jumps to it) */
  sectionId?: string
}

function Leaf({ name, schema, path, value, required, errors, onChange }: FieldProps) {
  const id = useId()
  const pointer = `/${path.join('/')}`
  const error = errors[pointer]
  const t = schemaType(schema)
  const help = schema.description ? <span id={`${id}-help`} className="field-help">{schema.description}</span> : null
  const describedBy = [schema.description ? `${id}-help` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined }
  let control
  if (t === 'boolean') {
    return (
      <div className="field">
        <label className="row" htmlFor={id}>
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(path, e.target.checked)} />
          <span className="field-label">{label(name, schema)}</span>
        </label>
        {help}
        {error && <span id={`${id}-err`} className="field-error">{error}</span>}
      </div>
    )
  }
  if (schema.enum) {
    control = (
      <select className="select" {...common} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(path, schema.enum!.find((x) => String(x) === e.target.value) ?? e.target.value)}>
        {!required && <option value="">—</option>}
        {schema.enum.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    )
  } else if (t === 'number' || t === 'integer') {
    control = (
      <input
        className="input"
        type="number"
        step={t === 'integer' ? 1 : 'any'}
        {...common}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(path, e.target.value === '' ? undefined : Number(e.target.value))}
      />
    )
  } else {
    control = <input className="input" type="text" {...common} value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)} onChange={(e) => onChange(path, e.target.value)} />
  }
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label(name, schema)}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {control}
      {help}
      {error && (
        <span id={`${id}-err`} className="field-error">
          {error}
        </span>
      )}
    </div>
  )
}

function Field(props: FieldProps) {
  if (schemaType(props.schema) !== 'object') return <Leaf {...props} />
  const { name, schema, path, value, errors, onChange, sectionId } = props
  const req = new Set(schema.required ?? [])
  return (
    <fieldset className="schema-section" id={sectionId} tabIndex={sectionId ? -1 : undefined}>
      <legend>{label(name, schema)}</legend>
      {schema.description && <p className="field-help">{schema.description}</p>}
      <div className="form-grid">
        {Object.entries(schema.properties ?? {}).map(([k, child]) => (
          <Field key={k} name={k} schema={child} path={[...path, k]} value={getAt(value, [k])} required={req.has(k)} errors={errors} onChange={onChange} />
        ))}
      </div>
    </fieldset>
  )
}

/** Jump links to each top-level section, sticky beside the form; sections with errors are marked. */
function SectionNav({ schema, errors, idOf }: { schema: JsonSchema; errors: FieldErrors; idOf: (key: string) => string }) {
  const sections = formSections(schema, errors)
  const jump = (e: React.MouseEvent, key: string) => {
    e.preventDefault()
    const el = document.getElementById(idOf(key))
    el?.scrollIntoView?.({ block: 'start', behavior: 'smooth' })
    el?.focus({ preventScroll: true })
  }
  return (
    <nav className="schema-nav" aria-label="Form sections">
      <ul className="plain-list">
        {sections.map((s) => (
          <li key={s.key}>
            <a
              href={`#${idOf(s.key)}`}
              onClick={(e) => jump(e, s.key)}
              className={s.errors > 0 ? 'schema-nav-link has-errors' : 'schema-nav-link'}
              aria-label={s.errors > 0 ? `${s.label}, ${s.errors} ${s.errors === 1 ? 'error' : 'errors'}` : undefined}
            >
              <span className="grow">{s.label}</span>
              {s.errors > 0 && (
                <span className="schema-nav-errors" aria-hidden="true">
                  {s.errors}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function SchemaForm({ schema, value, errors, onChange }: { schema: JsonSchema; value: Record<string, unknown>; errors: FieldErrors; onChange: (v: Record<string, unknown>) => void }) {
  const base = useId()
  const req = new Set(schema.required ?? [])
  const set = (path: string[], v: unknown) => onChange(setAt(value, path, v))
  const idOf = (key: string) => `${base}-section-${key}`
  const withNav = formSections(schema, {}).length >= SECTION_NAV_MIN
  const fields = (
    <div className="stack">
      {Object.entries(schema.properties ?? {}).map(([k, child]) => (
        <Field key={k} name={k} schema={child} path={[k]} value={value[k]} required={req.has(k)} errors={errors} onChange={set} {...(schemaType(child) === 'object' ? { sectionId: idOf(k) } : {})} />
      ))}
    </div>
  )
  if (!withNav) return fields
  return (
    <div className="schema-form-with-nav">
      <SectionNav schema={schema} errors={errors} idOf={idOf} />
      {fields}
    </div>
  )
}
