import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

export const noticeboardPermissions = definePermissions({
  read: { description: 'Read current notices', roles: ANY_STAFF_ROLE, scopes: ['noticeboard:read'] },
  post: { description: 'Post and withdraw notices', roles: [Role.TenantAdmin, Role.HousingOfficer] },
});

export interface NoticeboardSettings extends Record<string, unknown> {
  defaultExpiryDays: number;
}

export const noticeboardSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    defaultExpiryDays: {
      type: 'integer',
      minimum: 1,
      maximum: 365,
      default: 30,
      description: 'How long a notice stays up when its author gives no expiry.',
    },
  },
};

export const NoticeboardEvent = {
  Posted: 'noticeboard.notice.posted',
  Withdrawn: 'noticeboard.notice.withdrawn',
} as const;
