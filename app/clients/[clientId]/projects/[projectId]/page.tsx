import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import { StackChips } from '@/components/projects/stack-chips'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AssignmentRows } from '@/components/projects/assignment-rows'
import { DeleteProjectDialog } from '@/components/projects/delete-project-dialog'
import { ProjectForm } from '@/components/projects/project-form'
import { StackEditor } from '@/components/projects/stack-editor'
import { StaffForm } from '@/components/projects/staff-form'
import { FormDisclosure } from '@/components/projects/form-disclosure'
import { peopleCurrentlyStaffed } from '@/lib/staffing/current'
import { UnfilledRoleForm, UnfilledRolesTable } from '@/components/projects/unfilled-roles'
import { StatusBadge } from '@/components/ui/badge'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { todayIso } from '@/lib/load/allocation'
import { formatDateRange } from '@/lib/format'
import { getProjectPage } from '@/lib/projects/queries'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'
import { updateProjectAction } from '@/lib/actions/projects'
import { saveProjectRatesAction } from '@/lib/actions/finance'
import { ProjectFinancials } from '@/components/projects/project-financials'
import { AssignmentRates } from '@/components/projects/assignment-rates'
import { RateLinesForm } from '@/components/finance/rate-lines-form'
import { firmCurrency } from '@/lib/money/currency'

export const metadata: Metadata = { title: 'Project' }

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ clientId: string; projectId: string }>; searchParams: Promise<{ assigned?: string }> }) {
  const actor = await requireActor()
  const { clientId, projectId } = await params
  const { assigned } = await searchParams
  const { result: project, recording } = await withRecording(() => getProjectPage(actor, { clientId, projectId }))
  if (!project) notFound()
  const { assignments, stack, roles, ...summary } = project
  const canManage = can(actor, 'manage')
  const currency = firmCurrency()
  const today = todayIso()
  const people = peopleCurrentlyStaffed(assignments, today)
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/clients/${clientId}`} className={linkClass}>{project.clientName}</Link>}
        title={project.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={project.status} /> {formatDateRange(project.startDate, project.endDate)}
          </span>
        }
        actions={canManage && <DeleteProjectDialog clientId={clientId} projectId={projectId} projectName={project.name} assignments={assignments.length} stackEntries={stack.length} />}
      />
      {typeof assigned === 'string' && assigned ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {assigned} was assigned to the role; it is no longer unfilled.
        </p>
      ) : null}
      {project.description ? <p className="mb-6 max-w-3xl text-slate-700">{project.description}</p> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2 [&>*]:min-w-0">
        <section aria-labelledby="staffing-heading" className="rounded-lg border border-slate-200 bg-white p-4 xl:col-span-2">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
            <h2 id="staffing-heading" className="text-lg font-semibold">Staffing</h2>
            <p className="text-sm text-slate-600">{people} {people === 1 ? 'person' : 'people'} currently staffed</p>
          </div>
          <AssignmentRows assignments={assignments} editable={canManage} today={today} />
          {canManage ? (
            <div className="mt-4">
              <FormDisclosure label="Staff a person">
                <StaffForm clientId={clientId} projectId={projectId} defaultStart={project.startDate > today ? project.startDate : today} stack={stack.map(({ technologyId, technologyName }) => ({ technologyId, technologyName }))} />
              </FormDisclosure>
            </div>
          ) : null}
        </section>
        {project.financials ? (
          <section aria-labelledby="money-heading" className="rounded-lg border border-slate-200 bg-white p-4 xl:col-span-2">
            <h2 id="money-heading" className="mb-3 text-lg font-semibold">Money</h2>
            <ProjectFinancials project={project} currency={currency} />
            <h3 className="mb-2 mt-6 font-medium">Rates</h3>
            <AssignmentRates assignments={assignments} currency={currency} />
            {canManage ? (
              <details className="mt-4">
                <summary className="cursor-pointer font-medium">This project’s rates per role</summary>
                <p className="my-2 text-sm text-slate-600">Over the firm’s rate card for this project; an assignment’s own rate is over both.</p>
                <RateLinesForm
                  job={{ kind: 'reprice-project', targetId: projectId, unit: 'assignments' }}
                  action={saveProjectRatesAction}
                  label="Project rates"
                  hidden={{ clientId, projectId, version: String(project.version) }}
                  rates={project.rates ?? []}
                  currency={currency}
                  submitLabel="Save project rates"
                />
              </details>
            ) : null}
          </section>
        ) : null}
        <section aria-labelledby="roles-heading" className="rounded-lg border border-slate-200 bg-white p-4 xl:col-span-2">
          <h2 id="roles-heading" className="mb-3 text-lg font-semibold">Unfilled roles</h2>
          <UnfilledRolesTable roles={roles} clientId={clientId} projectId={projectId} projectName={project.name} editable={canManage} />
          {canManage ? (
            <div className="mt-4">
              <FormDisclosure label="Plan an unfilled role">
                <UnfilledRoleForm clientId={clientId} projectId={projectId} defaultStart={project.startDate > today ? project.startDate : today} />
              </FormDisclosure>
            </div>
          ) : null}
        </section>
        <section aria-labelledby="stack-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="stack-heading" className="mb-3 text-lg font-semibold">Tech stack</h2>
          {canManage ? <StackEditor clientId={clientId} projectId={projectId} stack={stack} /> : <StackChips stack={stack} />}
        </section>
        {canManage ? (
          <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="edit-heading" className="mb-3 text-lg font-semibold">Project details</h2>
            <FormDisclosure label="Edit project details">
              <ProjectForm action={updateProjectAction} clientId={clientId} project={summary} submitLabel="Save project" />
            </FormDisclosure>
          </section>
        ) : null}
      </div>
      <UnderTheHood recording={recording} />
    </>
  )
}
