import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { translate } from '@hearth/console-core';
import { INTEGRATIONS_TEXT } from '../integrations.text';

let nextId = 0;

/**
 * A secret the API answers once (a client secret, a webhook signing secret): shown with a copy
 * button and a plain warning, held only in the screen's memory, so leaving or reloading loses it.
 * What else the reader needs with it (client id, token endpoint) goes inside.
 */
@Component({
  selector: 'hearth-secret-once',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  templateUrl: './secret-once.component.html',
  styleUrl: './secret-once.component.scss',
})
export class SecretOnceComponent {
  readonly heading = input.required<string>();
  /** What the secret is, e.g. "Client secret". */
  readonly label = input.required<string>();
  readonly secret = input.required<string>();
  /** The reader says they have it: the screen forgets it. */
  readonly dismissed = output<void>();

  protected readonly t = translate(INTEGRATIONS_TEXT);
  protected readonly id = `secret-${nextId++}`;
  protected readonly copyState = signal<'copied' | 'failed' | null>(null);

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.secret());
      this.copyState.set('copied');
    } catch {
      this.copyState.set('failed');
    }
  }
}
