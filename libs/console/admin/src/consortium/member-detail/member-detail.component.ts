import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LANGUAGES, LanguageService, PageComponent, translate } from '@hearth/console-core';
import { CONSORTIUM_TEXT } from '../consortium.text';
import { MemberStore, type MemberDetail } from '../member.store';

/** One member: who it is, and its modules switched on and off. */
@Component({
  selector: 'hearth-member-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatAnchor, MatProgressBar, MatSlideToggle, PageComponent, RouterLink],
  providers: [MemberStore],
  templateUrl: './member-detail.component.html',
  styleUrl: './member-detail.component.scss',
})
export class MemberDetailComponent {
  readonly slug = input.required<string>();

  protected readonly store = inject(MemberStore);
  protected readonly t = translate(CONSORTIUM_TEXT);
  private readonly language = inject(LanguageService);
  protected readonly shared = this.language.t;

  protected readonly heading = computed(() => {
    const member = this.store.member();
    if (!member) return this.t().title;
    return (this.language.language() === 'cy' && member.nameCy) || member.name;
  });

  protected readonly intro = computed(() => {
    const member = this.store.member();
    return member ? this.t().memberIntro(member.slug, member.registrationNumber) : null;
  });

  /** Modules by key to their names, for "Needs …" and the outcome of a switch. */
  private readonly names = computed(() => new Map(this.store.member()?.modules.map((module) => [module.key, module.name]) ?? []));

  constructor() {
    effect(() => {
      const slug = this.slug();
      untracked(() => void this.store.open(slug));
    });
  }

  protected moduleName(key: string): string {
    return this.names().get(key) ?? key;
  }

  /**
   * The switch shows what the member has, not what was clicked: it goes back until the API answers,
   * then follows the member as reloaded (so a refused switch does not stay flipped).
   */
  protected switchModule(event: MatSlideToggleChange, module: MemberDetail['modules'][number]): void {
    event.source.checked = module.enabled;
    void this.store.setModule(module.key, event.checked);
  }

  protected languageNames(codes: readonly string[]): string {
    return codes.map((code) => LANGUAGES.find((language) => language.code === code)?.name ?? code).join(', ');
  }

  protected needs(dependsOn: readonly string[]): string {
    return dependsOn.map((key) => this.moduleName(key)).join(', ');
  }
}
