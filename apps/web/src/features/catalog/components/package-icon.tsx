/** Package icon, or a coloured monogram when the package ships none (or it fails to load). */
import { useState } from 'react'

export function PackageIcon({ name, src, size = 40 }: { name: string; src: string | null; size?: number }) {
  const [broken, setBroken] = useState(false)
  if (src && !broken) return <img src={src} alt="" width={size} height={size} className="pkg-icon" onError={() => setBroken(true)} />
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7)
  return (
    <span className="pkg-icon pkg-mono" aria-hidden="true" style={{ width: size, height: size, background: `hsl(${hue} 55% 48%)` }}>
      {name.slice(0, 2).toUpperCase()}
    </span>
  )
}
