/**
 * A small recursive renderer over a package's JSON Schema: objects become fieldsets (nested
 * sections), enums selects, booleans checkboxes, numbers number inputs, strings text inputs.
 * Descriptions are the help text; errors (client or BFF, keyed by JSON pointer) sit under
 * their field.
 */
import { useId } from 'react'
import { getAt, schemaType, setAt, type FieldErrors, type JsonSchema } from '../model/json-schema.ts'

interface FieldProps {
  name: string
  schema: JsonSchema
  path: string[]
  value: unknown
  required: boolean
  errors: FieldErrors
  onChange: (path: string[], v: unknown) => void
}

function label(name: string, s: JsonSchema): string {
  return s.title ?? name.replace(/[_-]/g, ' ').replace(/^\w/, (c) => c.toUpperCase())
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
  const { name, schema, path, value, errors, onChange } = props
  const req = new Set(schema.required ?? [])
  return (
    <fieldset className="schema-section">
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

export function SchemaForm({ schema, value, errors, onChange }: { schema: JsonSchema; value: Record<string, unknown>; errors: FieldErrors; onChange: (v: Record<string, unknown>) => void }) {
  const req = new Set(schema.required ?? [])
  const set = (path: string[], v: unknown) => onChange(setAt(value, path, v))
  return (
    <div className="stack">
      {Object.entries(schema.properties ?? {}).map(([k, child]) => (
        <Field key={k} name={k} schema={child} path={[k]} value={value[k]} required={req.has(k)} errors={errors} onChange={set} />
      ))}
    </div>
  )
}
