import type { Type } from '@nestjs/common';
import { ImportsModule } from '@hearth/platform-imports';
import { MembersModule } from '@hearth/consortium-members';
import { NoticeboardModule } from '@hearth/housing-noticeboard';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { RepairsModule } from '@hearth/housing-repairs';
import { RentModule } from '@hearth/housing-rent';
import { CalendarModule } from '@hearth/platform-calendar';
import { WebhooksModule } from '@hearth/integrations-webhooks';
import { PartnerClientsModule } from '@hearth/integrations-partner-clients';
import { SpacesModule } from '@hearth/collaboration-spaces';
import { UnconferencesModule } from '@hearth/collaboration-unconferences';
import { SharedConfigurationsModule } from '@hearth/collaboration-shared-configurations';

/**
 * The modules this deployment installs, like a Linux distribution's package set: installed
 * here means a member may switch it on in its manifest. The API, worker and CLI all read
 * this one list, so they can never disagree about the schema.
 */
export const INSTALLED_MODULES: readonly Type[] = [
  MembersModule, ImportsModule, CalendarModule, NoticeboardModule, AssetsModule, TenanciesModule, RepairsModule, RentModule,
  PartnerClientsModule, WebhooksModule, SpacesModule, UnconferencesModule, SharedConfigurationsModule,
];
