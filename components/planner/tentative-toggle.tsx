import { AddressSwitch } from '@/components/ui/address-switch'

/** One switch: count tentative bookings in every figure (on unless the address says `tentative=ignore`). */
export function TentativeToggle({ on }: { on: boolean }) {
  return <AddressSwitch on={on} label="Count tentative work" param="tentative" value="ignore" />
}
