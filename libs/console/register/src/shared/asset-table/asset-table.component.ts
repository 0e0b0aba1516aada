import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { translate } from '@hearth/console-core';
import type { RegisterAssetLineFragment } from '../../graphql.generated';
import { REGISTER_LABELS } from '../labels.text';
import { assetLabel } from '../register.format';

/** Assets as a table linking to each one's page: search results, a kind's list, an estate's blocks. */
@Component({
  selector: 'hearth-register-asset-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './asset-table.component.html',
  styleUrl: './asset-table.component.scss',
})
export class AssetTableComponent {
  readonly assets = input.required<readonly RegisterAssetLineFragment[]>();
  readonly caption = input.required<string>();
  protected readonly t = translate(REGISTER_LABELS);
  protected readonly label = assetLabel;
}
