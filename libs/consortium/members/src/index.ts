export * from './members.module';
export * from './member.service';
export * from './member.resolver';
