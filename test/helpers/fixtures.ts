import { createClient } from '../../lib/clients/mutations'
import { createEmployee } from '../../lib/employees/mutations'
import { createProject } from '../../lib/projects/mutations'
import { createTechnology } from '../../lib/technologies/mutations'
import { manager } from './actors'

let sequence = 0
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`

export function aClient(name = `Client ${unique()}`) {
  return createClient(manager, { name, industry: 'Retail', contactEmail: 'cto@client.example', status: 'active' })
}

export function aProject(clientId: string, name = `Project ${unique()}`, startDate = '2026-01-05') {
  return createProject(manager, { clientId, name, description: '', status: 'active', startDate })
}

export function anEmployee(name = `Person ${unique()}`) {
  return createEmployee(manager, { name, email: `${unique()}@roster.example`, title: 'Engineer', practice: 'Backend', location: 'Berlin', capacityHours: 40 })
}

export function aTechnology(name = `Tech ${unique()}`) {
  return createTechnology(manager, { name, category: 'tool' })
}
