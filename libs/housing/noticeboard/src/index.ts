export * from './noticeboard.module';
export * from './notice.entity';
export * from './notice.model';
export * from './notice.service';
export * from './noticeboard.permissions';
