import { AddressSwitch } from '@/components/ui/address-switch'

/** One switch: rank the suggestions skills first (`?order=skills`), or who can do it and has the time first. */
export function SkillsFirstToggle({ on }: { on: boolean }) {
  return <AddressSwitch on={on} label="Skills first" param="order" value="skills" />
}
