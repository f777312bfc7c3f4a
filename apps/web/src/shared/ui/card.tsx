import { useId, type CSSProperties, type ReactNode } from 'react'

/** A titled card: a region named by its heading (h2, or h3 inside a tab). */
export function Card({ title, level = 2, style, children }: { title: ReactNode; level?: 2 | 3; style?: CSSProperties; children?: ReactNode }) {
  const id = useId()
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <section className="card card-pad" style={style} aria-labelledby={id}>
      <Heading id={id} className="card-title">
        {title}
      </Heading>
      {children}
    </section>
  )
}
