'use client'

import { useEffect, useRef, useState, type ReactNode } from 'react'
import { DayPicker } from 'react-day-picker'
import { enGB } from 'react-day-picker/locale'
import { formatDate } from '@/lib/format'

// A date field that reads and writes dates as the pages do ("22 Mar 2026", lib/format.ts), takes
// what people type (that, ISO, or their locale's numeric order), offers a calendar, and submits the
// ISO date under its name, so server actions and their zod schemas see what a native date input sent.

export type DateParse = { ok: true; iso: string } | { ok: false; message: string }

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

type Part = 'day' | 'month' | 'year'

const numericFormats = new Map<string, Intl.DateTimeFormat>()

function numericFormat(locale: string): Intl.DateTimeFormat {
  let format = numericFormats.get(locale)
  if (!format) {
    const options = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } as const
    try {
      format = new Intl.DateTimeFormat(locale, options)
    } catch {
      format = new Intl.DateTimeFormat('en-GB', options)
    }
    numericFormats.set(locale, format)
  }
  return format
}

const sample = new Date(Date.UTC(2026, 2, 22))

/** The order of day, month and year in the locale's numeric dates: day-month-year for en-GB and de, month-day-year for en-US. */
export function numericOrder(locale: string): Part[] {
  const order = numericFormat(locale)
    .formatToParts(sample)
    .map((part) => part.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year')
  return order.length === 3 ? order : ['day', 'month', 'year']
}

/** 22 March 2026 in the locale's numeric form: 22/03/2026 (en-GB), 03/22/2026 (en-US), 22.03.2026 (de). */
export function numericExample(locale: string): string {
  return numericFormat(locale).format(sample)
}

function isLeap(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysIn(year: number, month: number) {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

/** A month from its English name or an abbreviation of at least three letters ("Mar", "Sept", "September"). */
function monthFromName(word: string): number | undefined {
  const lower = word.toLowerCase()
  if (lower.length < 3) return undefined
  const index = monthNames.findIndex((name) => name.startsWith(lower))
  return index < 0 ? undefined : index + 1
}

const isWeekday = (word: string) => word.length >= 3 && weekdayNames.some((name) => name.startsWith(word.toLowerCase()))

function toIso(year: number, month: number, day: number, hint: () => string): DateParse {
  if (!(year >= 1000 && year <= 9999)) return { ok: false, message: `Enter a year with four digits. ${hint()}` }
  if (month < 1 || month > 12) return { ok: false, message: `There is no month ${month}. ${hint()}` }
  const last = daysIn(year, month)
  if (day < 1 || day > last) return { ok: false, message: `${monthLabel.format(new Date(Date.UTC(year, month - 1, 1)))} has ${last} days.` }
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }
}

/** Two-digit years are this century's. */
function fullYear(digits: string) {
  return digits.length === 2 ? 2000 + Number(digits) : digits.length === 4 ? Number(digits) : NaN
}

/**
 * Reads a typed date: as the pages write it ("22 Mar 2026", also "22 March 2026" and "Mar 22, 2026"),
 * ISO (2026-03-22), or numeric in the order of `locale` (22/03/2026 for en-GB, 22.03.2026 for de,
 * 03/22/2026 for en-US; a year written first is always year-month-day). Blank is an empty date.
 */
export function parseDateInput(text: string, locale = 'en-GB'): DateParse {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, iso: '' }
  const hint = () => `Enter a date such as 22 Mar 2026 or ${numericExample(locale)}.`
  const unreadable = (): DateParse => ({ ok: false, message: `“${trimmed}” is not a date we can read. ${hint()}` })

  const yearFirst = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(trimmed)
  if (yearFirst) return toIso(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]), hint)

  const numeric = /^(\d{1,4})([-./])(\d{1,2})\2(\d{1,4})\.?$/.exec(trimmed)
  if (numeric) {
    const values: Record<Part, string> = { day: '', month: '', year: '' }
    numericOrder(locale).forEach((part, index) => (values[part] = [numeric[1], numeric[3], numeric[4]][index]))
    if (values.day.length > 2 || values.month.length > 2) return unreadable()
    return toIso(fullYear(values.year), Number(values.month), Number(values.day), hint)
  }

  const words = trimmed.split(/[\s,./-]+/).filter((word) => word !== '' && !isWeekday(word))
  if (words.length !== 3) return unreadable()
  const months = words.map(monthFromName)
  const monthAt = months.findIndex((month) => month !== undefined)
  if (monthAt < 0 || months.filter((month) => month !== undefined).length !== 1) return unreadable()
  const [dayWord, yearWord] = words.filter((_, index) => index !== monthAt)
  const day = /^(\d{1,2})(st|nd|rd|th)?$/i.exec(dayWord)
  if (!day || !/^\d{4}$/.test(yearWord)) return unreadable()
  return toIso(Number(yearWord), months[monthAt]!, Number(day[1]), hint)
}

/** The browser's language, for the numeric order people type in (the server renders no typed text). */
function browserLocale(): string {
  if (typeof navigator === 'undefined') return 'en-GB'
  return navigator.languages?.[0] ?? navigator.language ?? 'en-GB'
}

const isIso = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDateInput(value).ok
const shown = (iso: string) => (isIso(iso) ? formatDate(iso) : iso)

function toLocalDate(iso: string): Date | undefined {
  if (!isIso(iso)) return undefined
  const [year, month, day] = iso.split('-').map(Number)
  return new Date(year, month - 1, day)
}

function fromLocalDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

const fieldControl = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600'

const calendarClasses = {
  root: 'text-sm text-slate-900',
  months: 'relative',
  month_caption: 'flex h-9 items-center px-1 font-semibold',
  nav: 'absolute right-0 top-0 flex gap-1',
  button_previous: 'inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-slate-100',
  button_next: 'inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-slate-100',
  chevron: 'h-4 w-4 fill-slate-700',
  month_grid: 'mt-1 border-collapse',
  weekday: 'h-8 w-9 text-xs font-medium text-slate-600',
  day: 'p-0 text-center',
  day_button: 'h-9 w-9 rounded-md hover:bg-slate-100',
  today: 'font-bold text-sky-800',
  selected: '[&>button]:bg-sky-700 [&>button]:text-white [&>button]:hover:bg-sky-800',
  outside: 'text-slate-500',
}

export interface DateInputProps {
  /** The form field the ISO date (YYYY-MM-DD) is submitted under. */
  name: string
  id?: string
  /** With a label: the whole field (label, hint, errors) as TextField draws it. Without: the control alone, for a page's own `<label htmlFor={id}>`. */
  label?: string
  errors?: string[]
  hint?: ReactNode
  /** ISO date (YYYY-MM-DD) or blank. */
  defaultValue?: string
  /** Controlled: the ISO date, or blank. */
  value?: string
  /** Called with the ISO date (blank while what is typed is no date), shaped as an input's change event for `set(field)` handlers. */
  onChange?: (event: { target: { name: string; value: string } }) => void
  required?: boolean
  disabled?: boolean
  className?: string
  'aria-invalid'?: boolean | 'true' | 'false'
  'aria-describedby'?: string
}

export function DateInput({
  name,
  id: givenId,
  label,
  errors,
  hint,
  defaultValue,
  value,
  onChange,
  required,
  disabled,
  className,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
}: DateInputProps) {
  const id = givenId ?? name
  const controlled = value !== undefined
  const [ownIso, setOwnIso] = useState(defaultValue ?? '')
  const iso = controlled ? value : ownIso
  const [text, setText] = useState(() => shown(iso))
  const [problem, setProblem] = useState<string | null>(null)
  const [showProblem, setShowProblem] = useState(false)
  const [open, setOpen] = useState(false)
  // The last ISO date this field reported, to tell a parent's own change from an echo of typing.
  const [lastEmitted, setLastEmitted] = useState(iso)
  const input = useRef<HTMLInputElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const popover = useRef<HTMLDivElement>(null)
  const defaultIso = useRef(defaultValue ?? '')
  defaultIso.current = defaultValue ?? ''

  // A controlled value changed by the form (not by typing here) shows at once, in the same render.
  const [seen, setSeen] = useState(value)
  if (controlled && value !== seen) {
    setSeen(value)
    if (value !== lastEmitted) {
      setLastEmitted(value)
      setText(shown(value))
      setProblem(null)
      setShowProblem(false)
    }
  }

  // The browser refuses to submit a form that validates while the typed text is no date.
  useEffect(() => {
    input.current?.setCustomValidity(problem ?? '')
  }, [problem])

  // A form reset (React resets a form after its action) brings back the default, as for a native input.
  useEffect(() => {
    const form = input.current?.form
    if (!form || controlled) return
    const reset = () => {
      setLastEmitted(defaultIso.current)
      setOwnIso(defaultIso.current)
      setText(shown(defaultIso.current))
      setProblem(null)
      setShowProblem(false)
    }
    form.addEventListener('reset', reset)
    return () => form.removeEventListener('reset', reset)
  }, [controlled])

  useEffect(() => {
    if (!open) return
    const close = (event: PointerEvent) => {
      const target = event.target as Node
      if (!popover.current?.contains(target) && !toggle.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', close)
    return () => document.removeEventListener('pointerdown', close)
  }, [open])

  const commit = (nextIso: string) => {
    setLastEmitted(nextIso)
    if (!controlled) setOwnIso(nextIso)
    onChange?.({ target: { name, value: nextIso } })
  }

  const type = (nextText: string) => {
    setText(nextText)
    const parsed = parseDateInput(nextText, browserLocale())
    setProblem(parsed.ok ? null : parsed.message)
    if (parsed.ok) setShowProblem(false)
    const nextIso = parsed.ok ? parsed.iso : ''
    if (nextIso !== lastEmitted) commit(nextIso)
  }

  const leave = () => {
    if (problem) setShowProblem(true)
    else setText(shown(iso))
  }

  const pick = (date: Date | undefined) => {
    if (!date) return
    const picked = fromLocalDate(date)
    setText(shown(picked))
    setProblem(null)
    setShowProblem(false)
    commit(picked)
    setOpen(false)
    toggle.current?.focus()
  }

  // What is submitted: the ISO date, or the text itself while it is no date, so a form that does not
  // validate in the browser is refused by the server with the field's error instead of dropping it.
  const submitted = problem ? text : iso
  const ownErrorId = `${id}-date-error`
  const messages = showProblem && problem ? [problem] : (errors ?? [])
  const invalid = (showProblem && problem !== null) || !!errors?.length || ariaInvalid === true || ariaInvalid === 'true'
  const describedBy = label
    ? messages.length
      ? `${id}-error`
      : undefined
    : [ariaDescribedBy, showProblem && problem ? ownErrorId : null].filter(Boolean).join(' ') || undefined
  const selected = toLocalDate(iso)
  // A page's own control classes: their vertical margins go round the input and its calendar button.
  const pageClasses = (className ?? fieldControl).split(/\s+/)
  const margins = pageClasses.filter((name) => /^m[ty]?-/.test(name)).join(' ')
  const inputClasses = label ? fieldControl : pageClasses.filter((name) => !/^m[ty]?-/.test(name)).join(' ')

  const control = (
    <div className={`relative ${label ? 'mt-1' : margins}`}>
      <div className="flex gap-1">
        <input
          ref={input}
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          placeholder="e.g. 22 Mar 2026"
          value={text}
          onChange={(event) => type(event.target.value)}
          onBlur={leave}
          onInvalid={() => setShowProblem(true)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault()
              setOpen(true)
            }
          }}
          required={required}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={`${inputClasses} min-w-0`}
        />
        <button
          ref={toggle}
          type="button"
          disabled={disabled}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? `${id}-calendar` : undefined}
          onClick={() => setOpen((was) => !was)}
          className="inline-flex shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 fill-current">
            <path d="M6 2a1 1 0 0 1 1 1v1h6V3a1 1 0 1 1 2 0v1h1a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h1V3a1 1 0 0 1 1-1Zm10 7H4v7h12V9Z" />
          </svg>
          <span className="sr-only">Open calendar</span>
        </button>
      </div>
      <input type="hidden" name={name} value={submitted} />
      {open ? (
        <div
          ref={popover}
          id={`${id}-calendar`}
          role="dialog"
          aria-label="Choose a date"
          onBlur={(event) => {
            const next = event.relatedTarget as Node | null
            if (next && !popover.current?.contains(next) && next !== toggle.current) setOpen(false)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setOpen(false)
              toggle.current?.focus()
            }
          }}
          className="fixed left-1/2 top-24 z-30 w-max -translate-x-1/2 rounded-lg border border-slate-300 bg-white p-3 shadow-lg sm:absolute sm:left-0 sm:top-full sm:mt-1 sm:translate-x-0"
        >
          <DayPicker
            mode="single"
            locale={enGB}
            selected={selected}
            onSelect={pick}
            defaultMonth={selected ?? new Date()}
            autoFocus
            classNames={calendarClasses}
          />
        </div>
      ) : null}
    </div>
  )

  if (!label) {
    return (
      <>
        {control}
        {showProblem && problem ? (
          <p id={ownErrorId} aria-live="polite" className="mt-1 max-w-64 text-sm text-red-700">
            {problem}
          </p>
        ) : null}
      </>
    )
  }
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {control}
      {hint && !messages.length ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">
        {messages.join(' ')}
      </p>
    </div>
  )
}
