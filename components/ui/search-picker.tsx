'use client'

import { useId, useRef, useState, type ReactNode } from 'react'

export interface PickerOption {
  id: string
  label: string
  detail?: string
}

export interface Picked {
  id: string
  name: string
}

/**
 * The state of a SearchPicker that picks one thing: the text typed (what to search for) and what was
 * picked; typing again unpicks it. Spread `pickerProps` onto the SearchPicker.
 */
export function usePick(initial: Picked | null = null) {
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<Picked | null>(initial)
  return {
    picked,
    search,
    /** Whether there is text to search for (a query runs only then). */
    searching: search.trim().length > 0,
    clear: () => {
      setPicked(null)
      setSearch('')
    },
    pickerProps: {
      text: picked ? picked.name : search,
      onTextChange: (text: string) => {
        setPicked(null)
        setSearch(text)
      },
      onPick: (option: PickerOption) => setPicked({ id: option.id, name: option.label }),
    },
  }
}

/**
 * A combobox (WAI-ARIA 1.2 pattern): type to search, arrow keys move, Enter picks, Escape closes.
 * `options` come from the caller's query for the current text.
 */
export function SearchPicker({
  label,
  text,
  onTextChange,
  options,
  loading,
  onPick,
  footer,
  errors,
  name,
  placeholder = 'Type to search',
}: {
  label: string
  text: string
  onTextChange: (text: string) => void
  options: PickerOption[]
  loading: boolean
  onPick: (option: PickerOption) => void
  footer?: ReactNode
  errors?: string[]
  name?: string
  placeholder?: string
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = `${id}-list`
  const errorId = `${id}-error`

  function pick(option: PickerOption) {
    onPick(option)
    setOpen(false)
  }

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-option-${active}` : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => setOpen(true)}
        // Late, so a click on an option lands first; and only if focus has not come back meanwhile.
        onBlur={() => setTimeout(() => document.activeElement !== inputRef.current && setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setOpen(true)
            setActive((current) => Math.min(current + 1, options.length - 1))
          } else if (event.key === 'ArrowUp') {
            event.preventDefault()
            setActive((current) => Math.max(current - 1, 0))
          } else if (event.key === 'Enter' && open && options[active]) {
            event.preventDefault()
            pick(options[active])
          } else if (event.key === 'Escape') {
            setOpen(false)
          }
        }}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
      />
      <p id={errorId} aria-live="polite" className="mt-1 text-sm text-red-700">{errors?.join(' ')}</p>
      {open ? (
        <div className="absolute z-20 mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg">
          <ul id={listId} role="listbox" aria-label={label} className="max-h-64 overflow-auto py-1">
            {options.map((option, index) => (
              <li
                key={option.id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option)}
                className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-indigo-50 text-indigo-900' : ''}`}
              >
                {option.label}
                {/* The comma is for screen readers, which would otherwise run the name and detail together. */}
                {option.detail ? <span className="ml-2 text-slate-600"><span className="sr-only">, </span>{option.detail}</span> : null}
              </li>
            ))}
            {!loading && options.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">No matches</li> : null}
            {loading ? <li className="px-3 py-2 text-sm text-slate-600">Searching…</li> : null}
          </ul>
          {footer ? <div className="border-t border-slate-100 p-2" onMouseDown={(event) => event.preventDefault()}>{footer}</div> : null}
        </div>
      ) : null}
    </div>
  )
}
