import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { OWNING_MODULE } from './hearth-module.decorator';
import { ModuleEnablement } from './module-enablement';

/**
 * Runs after the access guard: an operation of a module the member has switched off answers
 * MODULE_DISABLED, whoever asks.
 */
@Injectable()
export class ModuleGuard implements CanActivate {
  constructor(private readonly enablement: ModuleEnablement) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const key = Reflect.getMetadata(OWNING_MODULE, execution.getClass()) as string | undefined;
    if (key) await this.enablement.assertEnabled(key);
    return true;
  }
}
