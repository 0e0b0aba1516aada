import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { ApiErrorComponent, AuthService, LanguageService, SessionStore } from '@hearth/console-core';
import { CONSOLE_PAGES } from '../app.routes';

/** The value the acting-for select uses for "no member"; a select option cannot carry null through the DOM. */
const CONSORTIUM_VIEW = '';

/**
 * The signed-in frame: the navigation (only the pages the user's roles and the member's modules
 * open), the consortium admin's switch of member, and the page in the middle. A guest
 * organisation's people see their organisation's name and its pages only (shared spaces and
 * events): no member's dashboard or settings, and no switch of member.
 */
@Component({
  selector: 'hearth-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatFormField, MatLabel, MatOption, MatProgressBar, MatSelect, RouterLink, RouterOutlet],
  templateUrl: './layout.component.html',
  styleUrl: './layout.component.scss',
})
export class LayoutComponent implements OnInit {
  protected readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly t = inject(LanguageService).t;
  protected readonly consortiumView = CONSORTIUM_VIEW;

  protected readonly pages = computed(() => this.session.navigation().filter((item) => CONSOLE_PAGES.has(item.path)));

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );

  /**
   * The menu entry the page belongs to: the longest path the address starts with, so a hazard
   * case (`repairs/hazards/…`) marks Hazards and not Repairs as well, and a repair (`repairs/…`) Repairs.
   */
  protected readonly activePath = computed(() => {
    const path = this.url().split(/[?#]/)[0].replace(/^\//, '');
    if (path === '') return '';
    const paths = [...this.pages().map((page) => page.path), 'settings'];
    return paths.filter((candidate) => path === candidate || path.startsWith(`${candidate}/`)).sort((a, b) => b.length - a.length)[0] ?? null;
  });

  ngOnInit(): Promise<void> {
    return this.session.ensureLoaded();
  }

  /** Switches member and starts again from the dashboard: the page open may not exist for the new one. */
  protected async actFor(slug: string): Promise<void> {
    await this.session.actFor(slug === CONSORTIUM_VIEW ? null : slug);
    await this.router.navigateByUrl('/');
  }

  protected signInAgain(): Promise<void> {
    return this.auth.signIn(this.router.url);
  }
}
