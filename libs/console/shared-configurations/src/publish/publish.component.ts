import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, apiProblem, PageComponent, placeProblems, SessionStore, translate } from '@hearth/console-core';
import { ConfigurationContentComponent } from '../content/configuration-content.component';
import { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';
import { kindName, moduleName, type Text } from '../shared/configuration-view';
import { PublishStore, type Draft, type PublishResult } from './publish.store';

const VERSION = /^[0-9]{1,4}\.[0-9]{1,4}(\.[0-9]{1,4})?$/;

/** The next minor version after `version`: 1.2 → 1.3, 1.2.3 → 1.3.0. */
export function nextVersion(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  return patch === undefined ? `${major}.${minor + 1}` : `${major}.${minor + 1}.0`;
}

/** A refusal for private data, in the reader's words, naming where it was found. */
export function refusalText(t: Text, refusal: { path: string; dataKind: string; found: string }): string {
  const field = refusal.path === 'title' || refusal.path === 'description';
  const where = refusal.path === 'title' ? t.where.title : refusal.path === 'description' ? t.where.description : t.where.content(refusal.path);
  return `${t.privateData} ${t.refusal(where, t.dataKinds[refusal.dataKind] ?? refusal.dataKind, refusal.found)} ${field ? t.refusalFix.field : t.refusalFix.content}`;
}

/**
 * Publishing a piece of the member's configuration: choose the kind (and which one, for letter
 * templates), see exactly what would be published (taken from the settings, checked for private
 * data), then give it a title, description and version, or make it a new version of a piece the
 * member published before.
 */
@Component({
  selector: 'hearth-shared-configuration-publish',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, ConfigurationContentComponent, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatProgressBar,
    MatSelect, PageComponent, ReactiveFormsModule, RouterLink,
  ],
  providers: [PublishStore],
  templateUrl: './publish.component.html',
  styleUrl: './publish.component.scss',
})
export class PublishComponent {
  /** From the query string, when a new version of a piece is published from its page. */
  readonly kind = input<string | undefined>();
  readonly newVersionOf = input<string | undefined>();

  protected readonly store = inject(PublishStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly t = translate(SHARED_CONFIGURATIONS_TEXT);
  protected readonly apiProblem = apiProblem;

  protected readonly chosenKind = signal<string | null>(null);
  protected readonly chosenSubject = signal<string | null>(null);
  protected readonly kindInfo = computed(() => this.store.kinds().find((kind) => kind.key === this.chosenKind()) ?? null);
  protected readonly content = computed(() => {
    const draft = this.store.draft();
    return draft?.__typename === 'SharedConfigurationDraft' ? draft : null;
  });
  /** The draft's own refusal: private data, a module switched off, nothing to publish. */
  protected readonly draftProblem = computed(() => this.problemOf(this.store.draft(), true));
  protected readonly publishProblem = computed(() => this.problemOf(this.store.result(), false));
  protected readonly unplaced = signal<string[]>([]);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    newVersionOf: [''],
    title: ['', [Validators.required, Validators.maxLength(120)]],
    description: ['', [Validators.required, Validators.maxLength(2000)]],
    version: ['1.0', [Validators.required, Validators.pattern(VERSION)]],
  });

  constructor() {
    void this.store.loadKinds();
    effect(() => {
      const kind = this.kind() ?? null;
      const newVersionOf = this.newVersionOf() ?? '';
      untracked(() => {
        this.form.controls.newVersionOf.setValue(newVersionOf);
        this.choose(kind);
      });
    });
    effect(() => {
      // Starting a new version of an earlier piece: its words and the next version number, to edit.
      const earlier = this.store.mine().find((piece) => piece.id === this.form.controls.newVersionOf.value);
      if (earlier) untracked(() => this.startFrom(earlier.id));
    });
    effect(() => {
      const result = this.store.result();
      untracked(() => {
        const problems = result?.__typename === 'SharedConfigurationInvalid' ? result.problems : [];
        this.unplaced.set(placeProblems(problems, (field) => (field in this.form.controls ? this.form.get(field) : null)));
        if (result?.__typename === 'SharedConfigurationRefused' && (result.path === 'title' || result.path === 'description')) {
          placeProblems([{ field: result.path, message: refusalText(this.t(), result) }], () => this.form.controls[result.path as 'title' | 'description']);
        }
        if (result?.__typename === 'SharedConfigurationVersionConflict') {
          placeProblems([{ field: 'version', message: this.t().versionConflict(result.latestVersion) }], () => this.form.controls.version);
        }
      });
    });
  }

  protected kindName(key: string, fallback?: string): string {
    return kindName(this.t(), key, fallback);
  }

  protected moduleName(key: string, fallback: string): string {
    return moduleName(this.t(), key, fallback);
  }

  protected choose(kind: string | null): void {
    this.chosenKind.set(kind);
    this.chosenSubject.set(null);
    this.store.draft.set(null);
    if (kind && !this.needsSubject(kind)) void this.store.loadDraft(kind, null, this.session.member()?.id ?? null);
  }

  protected chooseSubject(subject: string | null): void {
    this.chosenSubject.set(subject);
    const kind = this.chosenKind();
    if (kind && subject) void this.store.loadDraft(kind, subject, this.session.member()?.id ?? null);
  }

  protected startFrom(id: string): void {
    const earlier = this.store.mine().find((piece) => piece.id === id);
    if (!earlier) return;
    const { title, description } = this.form.controls;
    if (!title.value) title.setValue(earlier.title);
    if (!description.value) description.setValue(earlier.description);
    this.form.controls.version.setValue(nextVersion(earlier.version));
  }

  protected async publish(): Promise<void> {
    this.form.markAllAsTouched();
    const kind = this.chosenKind();
    if (this.form.invalid || !kind || !this.content()) return;
    const { title, description, version, newVersionOf } = this.form.getRawValue();
    const result = await this.store.publish({
      kind,
      subject: this.chosenSubject(),
      title: title.trim(),
      description: description.trim(),
      version: version.trim(),
      newVersionOf: newVersionOf || null,
    });
    if (result?.__typename === 'SharedConfiguration') {
      await this.router.navigate(['..', result.id], { relativeTo: this.route, queryParams: { published: 1 } });
    }
  }

  private needsSubject(kind: string): boolean {
    return Boolean(this.store.kinds().find((info) => info.key === kind)?.subjectName);
  }

  /** A typed refusal (of the draft or the publication) in the reader's words; null for success or none. */
  private problemOf(result: Draft | PublishResult | null, draft: boolean): string | null {
    if (!result) return null;
    switch (result.__typename) {
      case 'SharedConfigurationDraft':
      case 'SharedConfiguration':
      case 'SharedConfigurationVersionConflict':
        return null;
      case 'SharedConfigurationRefused':
        return refusalText(this.t(), result);
      case 'SharedConfigurationModuleOff':
        return this.t().moduleOff(this.moduleName(result.module, result.module));
      case 'SharedConfigurationInvalid':
        // A publication's problems are shown on their fields, or listed; a draft's say why there is nothing to publish.
        return draft ? result.problems.map((problem) => problem.message).join(' ') : null;
      default:
        return this.t().problems[result.code] ?? result.message;
    }
  }
}
