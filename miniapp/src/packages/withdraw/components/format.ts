import type { ApplicationState } from '@gjj/shared/workflow'

/** the colour of an application's status tag (tag--* classes of ExpandRow.css / withdraw.css) */
export const STATUS_TONE: Record<ApplicationState, 'blue' | 'green' | 'red' | 'grey'> = {
  draft: 'grey',
  submitted: 'blue',
  approved: 'green',
  returned: 'red',
  ended: 'grey',
}
