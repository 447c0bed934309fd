import type { getReviewDetail } from '@gjj/shared/api/admin'
import type { OutputOf } from '@gjj/shared/api/contract'

/** what getReviewDetail answers: the application, its depositor, archive and timeline */
export type ReviewDetail = OutputOf<typeof getReviewDetail>
export type ArchiveCategoryFiles = ReviewDetail['archive'][number]
export type ArchiveFile = ArchiveCategoryFiles['files'][number]
