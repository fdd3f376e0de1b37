/**
 * Shown when a save was refused because someone else changed the record meanwhile: their version,
 * field by field, next to the form that still holds the user's input.
 */
export function StaleNotice({ current, fields }: { current?: Record<string, unknown>; fields: { name: string; label: string }[] }) {
  if (!current) return null
  return (
    <section aria-label="The current version" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <h3 className="font-semibold">Their version (saved now)</h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {fields.map((field) => (
          <div key={field.name} className="contents">
            <dt className="text-amber-800">{field.label}</dt>
            <dd>{current[field.name] == null || current[field.name] === '' ? '—' : String(current[field.name])}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
