// DynamoDB's item-size arithmetic (attribute names plus values, per the developer guide), used to
// check the read units a screen consumed against what its items should cost.

function valueSize(value: unknown): number {
  if (value === null || value === undefined) return 1
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8')
  if (typeof value === 'boolean') return 1
  if (typeof value === 'number') {
    const digits = String(Math.abs(value)).replace('.', '').replace(/^0+/, '').length || 1
    return 1 + Math.ceil(digits / 2)
  }
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0)
  if (typeof value === 'object') {
    return 3 + Object.entries(value).reduce((sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueSize(element), 0)
  }
  return 0
}

export function itemSizeBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0)
}

/** Eventually consistent read units for one Query or GetItem returning these items. */
export function expectedReadUnits(items: Record<string, unknown>[]): number {
  const bytes = items.reduce((sum, item) => sum + itemSizeBytes(item), 0)
  return Math.max(1, Math.ceil(bytes / 4096)) * 0.5
}

/** Eventually consistent read units for one BatchGetItem or GetItem: each item rounds up to 4 KB on its own. */
export function expectedItemReadUnits(items: Record<string, unknown>[]): number {
  return items.reduce((sum, item) => sum + Math.max(1, Math.ceil(itemSizeBytes(item) / 4096)) * 0.5, 0)
}
