import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LanguageService, PageComponent, PagerComponent, translate } from '@hearth/console-core';
import { CONSORTIUM_TEXT } from '../consortium.text';
import { MembersStore, type MemberRow } from '../members.store';

/** The consortium's members: who they are, where, and which modules each has on. */
@Component({
  selector: 'hearth-member-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatAnchor, MatProgressBar, PageComponent, PagerComponent, RouterLink],
  providers: [MembersStore],
  templateUrl: './member-list.component.html',
  styleUrl: './member-list.component.scss',
})
export class MemberListComponent {
  protected readonly members = inject(MembersStore).members;
  protected readonly t = translate(CONSORTIUM_TEXT);
  private readonly language = inject(LanguageService);
  protected readonly shared = this.language.t;

  constructor() {
    void this.members.first();
  }

  /** The member's name in the reader's language, as the rest of the console names it. */
  protected memberName(member: MemberRow): string {
    return (this.language.language() === 'cy' && member.nameCy) || member.name;
  }

  protected modulesOn(member: MemberRow): string {
    return member.modules
      .filter((module) => module.enabled && !module.core)
      .map((module) => module.name)
      .join(', ');
  }
}
