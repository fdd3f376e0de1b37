import { locationNames, type practiceNames } from '../employees/practices'

// Word lists for the demo consultancy. Real technology names; invented client and people names.
export const technologyCatalog: [string, 'language' | 'framework' | 'database' | 'cloud' | 'tool' | 'other'][] = [
  ['TypeScript', 'language'], ['JavaScript', 'language'], ['Python', 'language'], ['Java', 'language'], ['Kotlin', 'language'],
  ['Go', 'language'], ['Rust', 'language'], ['C#', 'language'], ['Swift', 'language'], ['Scala', 'language'],
  ['Ruby', 'language'], ['PHP', 'language'], ['Elixir', 'language'], ['SQL', 'language'], ['Dart', 'language'],
  ['React', 'framework'], ['Next.js', 'framework'], ['Vue.js', 'framework'], ['Angular', 'framework'], ['Svelte', 'framework'],
  ['Node.js', 'framework'], ['Spring Boot', 'framework'], ['Django', 'framework'], ['FastAPI', 'framework'], ['Ruby on Rails', 'framework'],
  ['.NET', 'framework'], ['Flutter', 'framework'], ['React Native', 'framework'], ['Tailwind CSS', 'framework'], ['GraphQL', 'framework'],
  ['PostgreSQL', 'database'], ['MySQL', 'database'], ['DynamoDB', 'database'], ['MongoDB', 'database'], ['Redis', 'database'],
  ['Elasticsearch', 'database'], ['Cassandra', 'database'], ['Snowflake', 'database'], ['BigQuery', 'database'], ['SQLite', 'database'],
  ['AWS', 'cloud'], ['Google Cloud', 'cloud'], ['Azure', 'cloud'], ['Kubernetes', 'cloud'], ['Terraform', 'cloud'],
  ['Docker', 'tool'], ['GitHub Actions', 'tool'], ['Kafka', 'tool'], ['Apache Spark', 'tool'], ['Playwright', 'tool'],
  ['Vite', 'tool'], ['Webpack', 'tool'], ['Jenkins', 'tool'], ['Grafana', 'tool'], ['Prometheus', 'tool'],
  ['dbt', 'tool'], ['Airflow', 'tool'], ['Figma', 'tool'], ['Storybook', 'tool'], ['Jest', 'tool'],
  ['Vitest', 'tool'], ['Cypress', 'tool'], ['Ansible', 'cloud'], ['Pulumi', 'cloud'], ['Cloudflare', 'cloud'],
  ['Vercel', 'cloud'], ['Serverless Framework', 'cloud'], ['OpenTelemetry', 'tool'], ['RabbitMQ', 'tool'], ['Neo4j', 'database'],
  ['ClickHouse', 'database'], ['Remix', 'framework'], ['NestJS', 'framework'], ['Express', 'framework'], ['Laravel', 'framework'],
  ['Phoenix', 'framework'], ['Ktor', 'framework'], ['Quarkus', 'framework'], ['TensorFlow', 'framework'], ['PyTorch', 'framework'],
]

export const clientWords = {
  first: ['Northwind', 'Bluefin', 'Harbor', 'Cedar', 'Summit', 'Copper', 'Lumen', 'Atlas', 'Meridian', 'Juniper', 'Vantage', 'Orchid', 'Granite', 'Beacon', 'Silverline', 'Kestrel', 'Redwood', 'Helix', 'Polaris', 'Tidewater', 'Ironbridge', 'Maple', 'Quantum', 'Aurora', 'Fjord'],
  second: ['Logistics', 'Health', 'Bank', 'Energy', 'Retail', 'Insurance', 'Media', 'Foods', 'Mobility', 'Labs', 'Telecom', 'Travel', 'Capital', 'Pharma', 'Robotics'],
} as const

/** A client's industry follows the second word of its name, so that "Bluefin Foods" is in food, not travel. */
export const industryOfClientWord: Record<(typeof clientWords.second)[number], string> = {
  Logistics: 'Logistics',
  Health: 'Healthcare',
  Bank: 'Financial services',
  Energy: 'Energy',
  Retail: 'Retail',
  Insurance: 'Insurance',
  Media: 'Media',
  Foods: 'Food & beverage',
  Mobility: 'Transport',
  Labs: 'Life sciences',
  Telecom: 'Telecom',
  Travel: 'Travel',
  Capital: 'Financial services',
  Pharma: 'Life sciences',
  Robotics: 'Manufacturing',
}

export const projectWords = {
  first: ['Customer', 'Claims', 'Payments', 'Inventory', 'Data', 'Mobile', 'Partner', 'Booking', 'Pricing', 'Analytics', 'Identity', 'Search', 'Checkout', 'Fleet', 'Onboarding', 'Loyalty', 'Reporting', 'Supply'],
  second: ['Portal', 'Platform', 'Migration', 'Modernisation', 'App', 'Pipeline', 'Redesign', 'API', 'Dashboard', 'Lakehouse', 'Rollout', 'Replatform'],
}

export const firstNames = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Edsger', 'Radia', 'Tim', 'Hedy', 'Guido', 'Katherine', 'Bjarne', 'Sophie', 'Yukihiro', 'Anita', 'James', 'Lin', 'Mateo', 'Priya', 'Omar', 'Freya', 'Jonas', 'Amara', 'Hiro', 'Leila', 'Niamh', 'Tomasz', 'Zara', 'Kwame', 'Elena', 'Rafael', 'Ines', 'Sven', 'Aiko', 'Noah', 'Chloe']
export const lastNames = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee', 'Lamarr', 'van Rossum', 'Johnson', 'Stroustrup', 'Wilson', 'Matsumoto', 'Borg', 'Gosling', 'Chen', 'Garcia', 'Patel', 'Haddad', 'Nilsson', 'Becker', 'Okafor', 'Tanaka', 'Rahimi', 'Byrne', 'Nowak', 'Khan', 'Mensah', 'Rossi', 'Silva', 'Moreau', 'Larsen', 'Sato', 'Fischer', 'Dubois']

// Every practice the app suggests (lib/employees/practices.ts) gets seeded people; the type keeps the two lists in step.
export const practices: { name: (typeof practiceNames)[number]; titles: string[]; skills: string[] }[] = [
  { name: 'Frontend', titles: ['Frontend Engineer', 'Senior Frontend Engineer', 'UI Engineer'], skills: ['typescript', 'javascript', 'react', 'next-js', 'vue-js', 'angular', 'tailwind-css', 'storybook', 'playwright', 'vite'] },
  { name: 'Backend', titles: ['Backend Engineer', 'Senior Backend Engineer', 'Staff Engineer'], skills: ['java', 'kotlin', 'go', 'python', 'spring-boot', 'node-js', 'postgresql', 'graphql', 'kafka', 'redis'] },
  { name: 'Data', titles: ['Data Engineer', 'Analytics Engineer', 'Data Scientist'], skills: ['python', 'sql', 'apache-spark', 'dbt', 'airflow', 'snowflake', 'bigquery', 'pytorch', 'clickhouse'] },
  { name: 'Cloud', titles: ['Cloud Engineer', 'Platform Engineer', 'SRE'], skills: ['aws', 'google-cloud', 'azure', 'kubernetes', 'terraform', 'docker', 'github-actions', 'prometheus', 'grafana'] },
  { name: 'Mobile', titles: ['Mobile Engineer', 'iOS Engineer', 'Android Engineer'], skills: ['swift', 'kotlin', 'flutter', 'dart', 'react-native', 'typescript'] },
  { name: 'Design', titles: ['Product Designer', 'UX Researcher'], skills: ['figma', 'storybook', 'react'] },
  { name: 'Delivery', titles: ['Delivery Lead', 'Engagement Manager', 'Scrum Master'], skills: ['jenkins', 'github-actions', 'sql'] },
]

export const locations = locationNames
/** The roles a person of each practice is staffed in, so that an iOS engineer is never staffed as a designer. */
export const rolesByPractice: Record<(typeof practiceNames)[number], string[]> = {
  Frontend: ['Frontend Engineer', 'Senior Engineer', 'Tech Lead', 'Engineer'],
  Backend: ['Backend Engineer', 'Senior Engineer', 'Tech Lead', 'Architect'],
  Data: ['Data Engineer', 'Data Scientist', 'Analytics Engineer', 'Tech Lead'],
  Cloud: ['Platform Engineer', 'SRE', 'Cloud Architect', 'Engineer'],
  Mobile: ['Mobile Engineer', 'Senior Engineer', 'Tech Lead', 'Engineer'],
  Design: ['Product Designer', 'UX Researcher', 'Designer'],
  Delivery: ['Delivery Lead', 'Scrum Master', 'Engagement Manager'],
}
