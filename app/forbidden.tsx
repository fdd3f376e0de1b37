import Link from 'next/link'

// Sent with HTTP 403 by forbidden() (lib/auth/session.ts requireManager).
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">Not for your role</h1>
      <p className="mt-2 text-slate-600">Your role does not open this page: changes are for managers, money is for managers and admins. You can see who is where and change your own skills and time off.</p>
      <p className="mt-4">
        <Link href="/me" className="font-medium text-indigo-700 hover:underline">Your staffing</Link>
      </p>
    </div>
  )
}
