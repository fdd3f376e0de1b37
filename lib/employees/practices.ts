// The consultancy's practices, offered as suggestions in forms and as the list filter. A person's
// practice is free text, so a new practice needs no code change; it just is not suggested.
export const practiceNames = ['Frontend', 'Backend', 'Data', 'Cloud', 'Mobile', 'Design', 'Delivery'] as const

// Offices suggested in forms and the planner's location filter; also free text.
export const locationNames = ['London', 'Berlin', 'Lisbon', 'Amsterdam', 'Remote', 'Madrid', 'Stockholm', 'Dublin'] as const
