import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

export const calendarPermissions = definePermissions({
  read: {
    description: "Read bank holidays and the member's closure days, and work out deadlines on its calendar",
    roles: ANY_STAFF_ROLE,
    scopes: ['calendar:read'],
  },
  // No scope: closure days move every member's deadlines, so only its own administrators set them.
  manageClosureDays: {
    description: "Add and remove the member's closure days",
    roles: [Role.TenantAdmin],
  },
});

/** Deadlines computed before the change may now be a day out: a subscriber recomputes those it keeps. */
export const CalendarEvent = {
  ClosureDayAdded: 'calendar.closure_day.added',
  ClosureDayRemoved: 'calendar.closure_day.removed',
} as const;

export const calendarEvents = {
  [CalendarEvent.ClosureDayAdded]: { description: 'The member added a closure day: the payload names the day.' },
  [CalendarEvent.ClosureDayRemoved]: { description: 'The member removed a closure day: the payload names the day.' },
};
