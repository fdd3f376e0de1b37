import { LoadingRows } from '@/components/ui/page-header'

export default function Loading() {
  return <LoadingRows label="Finding people for this role" />
}
