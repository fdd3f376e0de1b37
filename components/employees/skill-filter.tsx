'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { SearchPicker } from '@/components/ui/search-picker'
import { useTechnologyOptions } from '@/components/technologies/use-technology-options'

/** Filters the employee list by a technology they know; options come from the technology search API. */
export function SkillFilter({ selectedName }: { selectedName?: string }) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [search, setSearch] = useState('')
  const technologies = useTechnologyOptions(search)
  const selected = params.get('technologyId')

  function choose(technologyId: string | null) {
    const next = new URLSearchParams(params)
    if (technologyId) next.set('technologyId', technologyId)
    else next.delete('technologyId')
    next.delete('cursor')
    router.replace(`${pathname}?${next}`)
  }

  if (selected) {
    return (
      <p className="mb-4 flex items-center gap-2 text-sm">
        Knows <strong>{selectedName ?? selected}</strong>
        <Button variant="secondary" onClick={() => choose(null)}>Clear skill filter</Button>
      </p>
    )
  }
  return (
    <div className="mb-4 max-w-sm">
      <SearchPicker
        placeholder="Type a technology"
        label="Filter by skill"
        text={search}
        onTextChange={setSearch}
        options={technologies.options}
        loading={technologies.loading}
        onPick={(option) => choose(option.id)}
      />
    </div>
  )
}
