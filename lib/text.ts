/** A name as lists sort and match it: trimmed and lower-cased. Pure, so browser code may use it too. */
export function normalizeName(name: string): string {
  return name.trim().toLocaleLowerCase('en')
}
