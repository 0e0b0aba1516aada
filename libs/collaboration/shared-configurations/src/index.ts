export * from './shared-configurations.module';
export * from './shared-configurations.permissions';
export * from './shared-configuration.model';
export * from './shared-configuration.service';
export * from './configuration-adoption.service';
export * from './kinds/configuration-kind';
export * from './kinds/configuration-kinds';
export * from './dto/shared-configuration.input';
