import { EntityParser } from 'dynamodb-toolbox'
import {
  AssignmentEntity,
  ClientEntity,
  EmailClaimEntity,
  UnfilledRoleEntity,
  EmployeeEntity,
  ProjectEntity,
  RateCardEntity,
  SkillEntity,
  StackEntryEntity,
  TechnologyEntity,
} from '../db/entities'
import { employeeCopyOf, loadSpansOf } from '../aggregates/employee-figures'
import type { BudgetKind, PricingModel, ProjectStatus } from '../db/entities/enums'
import { slugify } from '../ids'
import { clientWords, firstNames, industryOfClientWord, lastNames, locations, practices, projectWords, rolesByPractice, technologyCatalog } from './catalog'
import { roleKey } from '../money/figures'
import { moneyCopyOf } from '../edges/assignment-money'

export interface SeedSize {
  clients: number
  projects: number
  employees: number
  technologies: number
  assignments: number
  skills: number
  /** Projects given to the single largest client (the "whale"), 0 for none. */
  largestClientProjects: number
}

export const seedSizes: Record<'demo' | 'large' | 'xl', SeedSize> = {
  demo: { clients: 25, projects: 80, employees: 200, technologies: 50, assignments: 400, skills: 700, largestClientProjects: 0 },
  large: { clients: 300, projects: 1500, employees: 2000, technologies: 150, assignments: 8000, skills: 6000, largestClientProjects: 60 },
  // A 20,000-person firm.
  xl: { clients: 3000, projects: 15000, employees: 20000, technologies: 300, assignments: 80000, skills: 60000, largestClientProjects: 60 },
}

/** A small seeded PRNG (mulberry32): the same seed gives the same consultancy. */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]
  return { next, int, pick }
}

function seededId(prefix: string, n: number): string {
  // Fixed length like newId(), readable in the "Under the hood" panel.
  return `${prefix}${String(n).padStart(11, '0')}`.slice(-12)
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Monday of the week holding `date`, so that demo staffing is always current. */
export function mondayOf(date: Date): string {
  const utc = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  utc.setUTCDate(utc.getUTCDate() - ((utc.getUTCDay() + 6) % 7))
  return utc.toISOString().slice(0, 10)
}

const parse = {
  client: ClientEntity.build(EntityParser),
  project: ProjectEntity.build(EntityParser),
  assignment: AssignmentEntity.build(EntityParser),
  stack: StackEntryEntity.build(EntityParser),
  employee: EmployeeEntity.build(EntityParser),
  skill: SkillEntity.build(EntityParser),
  technology: TechnologyEntity.build(EntityParser),
  emailClaim: EmailClaimEntity.build(EntityParser),
  role: UnfilledRoleEntity.build(EntityParser),
}

/** Unfilled roles in the demo: about one open project in four has one, at most this many. */
const MAX_DEMO_ROLES = 100

export interface DemoData {
  items: Record<string, unknown>[]
  counts: Record<string, number>
}

/**
 * Builds a believable consultancy as table items, deterministically from `seed` and the anchor
 * date. The aggregates (maps, counts, bookings copies) are computed here, as the syncs would leave them.
 */
export function generateDemoData(size: SeedSize, options: { seed?: number; anchor?: string } = {}): DemoData {
  const random = createRandom(options.seed ?? 42)
  const anchor = options.anchor ?? mondayOf(new Date())

  const technologies = Array.from({ length: size.technologies }, (_, i) => {
    const [baseName, category] = technologyCatalog[i % technologyCatalog.length]
    const round = Math.floor(i / technologyCatalog.length)
    const name = round === 0 ? baseName : `${baseName} ${round + 1}`
    return { id: slugify(name), name, category, projectCount: 0, peopleCount: 0, projectKeys: emptyRecord<number>(), people: emptyRecord<number>() }
  })
  const technologyById = new Map(technologies.map((t) => [t.id, t]))

  const clients = Array.from({ length: size.clients }, (_, i) => {
    const word = clientWords.second[(i * 7 + Math.floor(i / clientWords.first.length)) % clientWords.second.length]
    const name = `${clientWords.first[i % clientWords.first.length]} ${word}${i >= clientWords.first.length * clientWords.second.length ? ` ${i}` : ''}`
    const id = seededId('c', i + 1)
    // The draw that once picked an industry is still made, so that the rest of the demo stays as it was.
    random.next()
    return {
      id,
      name,
      industry: industryOfClientWord[word],
      contactEmail: `${slugify(name)}@client.example`,
      status: random.next() < 0.9 ? 'active' : 'archived',
      projectCount: 0,
      staffedCount: 0,
      projectIds: emptyRecord<number>(),
      staffing: emptyRecord<string>(),
    }
  })

  const clientById = new Map(clients.map((client) => [client.id, client]))
  const projects = Array.from({ length: size.projects }, (_, i) => {
    // The first client takes `largestClientProjects`; the rest are spread with a gentle skew.
    // With a "whale", the rest of the projects go to the other clients so it has exactly that many.
    const others = size.largestClientProjects > 0 && clients.length > 1 ? clients.slice(1) : clients
    const client =
      i < size.largestClientProjects ? clients[0] : others[Math.min(others.length - 1, Math.floor(random.next() ** 1.3 * others.length))]
    const startOffset = random.int(-300, 90)
    const startDate = addDays(anchor, startOffset)
    const openEnded = random.next() < 0.1
    const endDate = openEnded ? undefined : addDays(startDate, random.int(60, 420))
    const status: ProjectStatus =
      startOffset > 0 ? (random.next() < 0.5 ? 'proposed' : 'active') : endDate && endDate < anchor ? 'completed' : random.next() < 0.1 ? 'on-hold' : 'active'
    client.projectCount++
    const id = seededId('p', i + 1)
    client.projectIds[id] = 1
    return {
      id,
      clientId: client.id,
      clientName: client.name,
      name: `${random.pick(projectWords.first)} ${random.pick(projectWords.second)}`,
      description: `${random.pick(['Greenfield', 'Rebuild of the', 'Scaling the', 'Modernising the'])} ${random.pick(['customer-facing', 'internal', 'partner', 'back-office'])} ${random.pick(['platform', 'product', 'services', 'experience'])}.`,
      status,
      startDate,
      endDate,
      budget: random.next() < 0.7 ? random.int(4, 120) * 10000 : undefined,
    }
  })

  const usedEmails = new Set<string>()
  const usedNames = new Set<string>()
  // Names are unique: a name already taken is drawn again from a stream of its own (so the rest of the
  // demo stays as it was), and past every pair of names a middle initial tells people apart.
  const rename = createRandom((options.seed ?? 42) + 1)
  const uniqueName = (first: string, last: string): [string, string, string] => {
    for (let attempt = 0; usedNames.has(`${first} ${last}`) && attempt < 50; attempt++) [first, last] = [rename.pick(firstNames), rename.pick(lastNames)]
    let name = `${first} ${last}`
    for (let n = 0; usedNames.has(name); n++) name = `${first} ${String.fromCharCode(65 + (n % 26))}.${n >= 26 ? Math.floor(n / 26) : ''} ${last}`
    usedNames.add(name)
    return [first, last, name]
  }
  const employees = Array.from({ length: size.employees }, (_, i) => {
    const [first, last, name] = uniqueName(random.pick(firstNames), random.pick(lastNames))
    const practice = practices[i % practices.length]
    let email = `${slugify(first)}.${slugify(last)}@roster.example`
    for (let n = 2; usedEmails.has(email); n++) email = `${slugify(first)}.${slugify(last)}${n}@roster.example`
    usedEmails.add(email)
    return {
      id: seededId('e', i + 1),
      name,
      email,
      title: random.pick(practice.titles),
      practice: practice.name,
      location: random.pick(locations),
      capacityHours: random.next() < 0.9 ? 40 : 32,
      bookings: new Array<SeedBooking>(),
      skills: emptyRecord<number>(),
      practiceSkills: practice.skills,
    }
  })

  const stackKeys = new Set<string>()
  const stackEntries = projects.flatMap((project) => {
    const count = random.int(3, 6)
    const entries = []
    for (let n = 0; n < count * 3 && entries.length < count; n++) {
      const technology = random.pick(technologies)
      const key = `${project.id}/${technology.id}`
      if (stackKeys.has(key)) continue
      stackKeys.add(key)
      technology.projectCount++
      technology.projectKeys[`${project.clientId}#${project.id}`] = 1
      entries.push({ project, technology, note: random.next() < 0.3 ? `v${random.int(1, 20)}` : '' })
    }
    return entries
  })

  // Staffing like a real firm: most people up to 100%, a few over-booked, some on the bench. Each
  // assignment tries a handful of people and takes the first with room (or shrinks to the room left).
  const overlapLoad = (employee: (typeof employees)[number], start: string, end: string | undefined) =>
    employee.bookings
      .filter((b) => b.start <= (end ?? '9999-12-31') && (b.end ?? '9999-12-31') >= start)
      .reduce((sum, b) => sum + b.allocation, 0)
  const assignments = Array.from({ length: Math.min(size.assignments, size.employees * 6) }, (_, i) => {
    const project = random.pick(projects)
    const projectEnd = project.endDate ?? addDays(project.startDate, 365)
    const startDate = addDays(project.startDate, random.int(0, 30))
    const endDate = random.next() < 0.08 && !project.endDate ? undefined : addDays(startDate, random.int(30, Math.max(31, daysBetween(startDate, projectEnd))))
    let allocation = random.pick([20, 25, 40, 50, 50, 60, 80, 100, 100])
    const overbook = random.next() < 0.05
    let employee = employees[(i * 7919) % employees.length]
    for (let attempt = 0; attempt < 40; attempt++) {
      const candidate = employees[(i * 7919 + attempt * 37 + random.int(0, 3)) % employees.length]
      // Never the same person twice on one project for overlapping dates (writes refuse that too).
      if (candidate.bookings.some((b) => b.projectId === project.id && b.start <= (endDate ?? '9999-12-31') && (b.end ?? '9999-12-31') >= startDate)) continue
      const room = 100 - overlapLoad(candidate, startDate, endDate)
      employee = candidate
      if (overbook || room >= allocation) break
      if (room >= 20) {
        allocation = Math.floor(room / 5) * 5
        break
      }
    }
    const tentative = project.status === 'proposed' || random.next() < 0.15
    const id = seededId('a', i + 1)
    employee.bookings.push({ assignmentId: id, clientId: project.clientId, projectId: project.id, start: startDate, ...(endDate ? { end: endDate } : {}), allocation, tentative })
    const client = clientById.get(project.clientId)!
    client.staffing[id] = employee.id
    return { id, project, employee, role: random.pick(rolesByPractice[employee.practice]), allocation, startDate, endDate, tentative }
  })

  const skillKeys = new Set<string>()
  const skills: { employee: (typeof employees)[number]; technology: (typeof technologies)[number]; level: number }[] = []
  for (let n = 0; skills.length < size.skills && n < size.skills * 4; n++) {
    const employee = employees[n % employees.length]
    const technologyId = random.next() < 0.75 ? random.pick(employee.practiceSkills) : random.pick(technologies).id
    const technology = technologyById.get(technologyId)
    if (!technology || skillKeys.has(`${employee.id}/${technology.id}`)) continue
    skillKeys.add(`${employee.id}/${technology.id}`)
    const level = random.int(1, 5)
    technology.peopleCount++
    technology.people[employee.id] = level
    employee.skills[technology.id] = level
    skills.push({ employee, technology, level })
  }

  // Unfilled roles on open projects, from a random stream of their own so that the rest of the demo
  // is what it was before they existed.
  const roleRandom = createRandom((options.seed ?? 42) + 2)
  const openProjects = projects.filter((project) => (project.status === 'active' || project.status === 'proposed') && (!project.endDate || project.endDate > addDays(anchor, 28)))
  const roles = openProjects
    .filter(() => roleRandom.next() < 0.25)
    .slice(0, Math.min(MAX_DEMO_ROLES, Math.ceil(size.projects / 8)))
    .map((project, i) => {
      const practice = roleRandom.pick(practices)
      const start = [addDays(anchor, 7 * roleRandom.int(0, 8)), project.startDate].sort()[1]
      const requirements = [...new Set([roleRandom.pick(practice.skills), roleRandom.pick(practice.skills)])]
        .map((id) => technologyById.get(id))
        .filter((technology): technology is (typeof technologies)[number] => Boolean(technology))
        .map((technology) => ({ technologyId: technology.id, technologyName: technology.name, minLevel: roleRandom.int(2, 4) }))
      return {
        id: seededId('r', i + 1),
        clientId: project.clientId,
        clientName: project.clientName,
        projectId: project.id,
        projectName: project.name,
        role: roleRandom.pick(rolesByPractice[practice.name]),
        practice: practice.name,
        requirements,
        allocation: roleRandom.pick([50, 80, 100, 100]),
        startDate: start,
        endDate: addDays(start, 7 * roleRandom.int(6, 16) - 3),
        status: project.status === 'proposed' || roleRandom.next() < 0.2 ? ('tentative' as const) : ('confirmed' as const),
      }
    })

  // Money, from a stream of its own too: a rate card for every role title, a cost rate per person, and
  // pricing per project (about 1 in 12 internal and non-billable, 1 in 4 for a fixed fee, the rest
  // time and materials, capped when the project had a budget).
  const moneyRandom = createRandom((options.seed ?? 42) + 3)
  const roleTitles = [...new Set(Object.values(rolesByPractice).flat())].sort()
  const rateCard = Object.fromEntries(roleTitles.map((role) => [roleKey(role), { role, rate: moneyRandom.int(85, 165) * 100 }]))
  const costRates = new Map(employees.map((employee) => [employee.id, moneyRandom.int(45, 95) * 100]))
  type SeedPricing = { pricing: PricingModel; budgetKind?: BudgetKind; budgetAmount?: number }
  const pricing = new Map<string, SeedPricing>(
    projects.map((project): [string, SeedPricing] => {
      const draw = moneyRandom.next()
      const fee = (project.budget ?? moneyRandom.int(4, 120) * 10000) * 100
      if (draw < 0.08) return [project.id, { pricing: 'non_billable' as const }]
      if (draw < 0.33) return [project.id, { pricing: 'fixed_price' as const, budgetKind: 'money' as const, budgetAmount: fee }]
      return [project.id, { pricing: 'time_and_materials' as const, ...(project.budget ? { budgetKind: 'money' as const, budgetAmount: project.budget * 100 } : {}) }]
    }),
  )
  for (const employee of employees) {
    for (const booking of employee.bookings) if (pricing.get(booking.projectId)?.pricing === 'non_billable') booking.billable = false
  }

  const items: Record<string, unknown>[] = []
  items.push(RateCardEntity.build(EntityParser).parse({ rates: rateCard, version: 1 }).item)
  for (const role of roles) items.push(parse.role.parse(role).item)
  for (const technology of technologies) {
    items.push(parse.technology.parse(technology).item)
  }
  for (const client of clients) {
    items.push(
      parse.client.parse({
        ...client,
        staffedCount: new Set(Object.values(client.staffing)).size,
      }).item,
    )
  }
  for (const { budget: _budget, ...project } of projects) {
    items.push(parse.project.parse({ ...project, ...pricing.get(project.id)! }).item)
  }
  for (const { practiceSkills: _practiceSkills, ...employee } of employees) {
    items.push(
      parse.employee.parse({
        ...employee,
        bookings: bookingMapOf(employee.bookings),
        costRate: costRates.get(employee.id),
        skillIds: Object.keys(employee.skills).sort(),
        loadSpans: loadSpansOf(employee.bookings.map((booking) => ({ ...booking, end: booking.end ?? null }))),
      }).item,
    )
    items.push(parse.emailClaim.parse({ email: employee.email, employeeId: employee.id }).item)
  }
  for (const { project, technology, note } of stackEntries) {
    items.push(
      parse.stack.parse({
        clientId: project.clientId,
        clientName: project.clientName,
        projectId: project.id,
        projectName: project.name,
        technologyId: technology.id,
        technologyName: technology.name,
        technologyCategory: technology.category,
        note,
      }).item,
    )
  }
  for (const assignment of assignments) {
    const { project, employee } = assignment
    items.push(
      parse.assignment.parse({
        id: assignment.id,
        clientId: project.clientId,
        clientName: project.clientName,
        projectId: project.id,
        projectName: project.name,
        employeeId: employee.id,
        employeeName: employee.name,
        role: assignment.role,
        allocation: assignment.allocation,
        startDate: assignment.startDate,
        endDate: assignment.endDate,
        status: assignment.tentative ? 'tentative' : 'confirmed',
        money: moneyCopyOf(
          { role: assignment.role, startDate: assignment.startDate, endDate: assignment.endDate },
          { pricing: pricing.get(project.id)!.pricing, rates: {}, version: 1 },
          { costRate: costRates.get(employee.id), capacityHours: employee.capacityHours, timeOff: {}, version: 1, aggRev: 0 },
          { rates: rateCard, version: 1 },
        ),
      }).item,
    )
  }
  for (const { employee, technology, level } of skills) {
    items.push(
      parse.skill.parse({
        employeeId: employee.id,
        ...employeeCopyOf(employee),
        technologyId: technology.id,
        technologyName: technology.name,
        level,
        employeeBookings: bookingMapOf(employee.bookings),
      }).item,
    )
  }
  return {
    items,
    counts: {
      clients: clients.length,
      projects: projects.length,
      employees: employees.length,
      technologies: technologies.length,
      assignments: assignments.length,
      stackEntries: stackEntries.length,
      skills: skills.length,
      unfilledRoles: roles.length,
    },
  }
}

interface SeedBooking {
  assignmentId: string
  clientId: string
  projectId: string
  start: string
  end?: string
  allocation: number
  tentative: boolean
  billable?: boolean
}

/** An empty map of what the sweep would fill (its entries typed, which `{}` alone is not). */
function emptyRecord<T>(): Record<string, T> {
  return {}
}

function bookingMapOf(bookings: { assignmentId: string }[]) {
  return Object.fromEntries(bookings.map(({ assignmentId, ...booking }) => [assignmentId, booking]))
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
