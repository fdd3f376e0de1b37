import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">There is nothing here. It may have been deleted, or the link is wrong.</p>
      <p className="mt-4">
        <Link href="/clients" className="font-medium text-indigo-700 hover:underline">Back to clients</Link>
      </p>
    </div>
  )
}
