export * from './unconferences.module';
export * from './unconferences.permissions';
export * from './unconference.model';
export * from './unconference.service';
export * from './session-proposal.service';
export * from './unconference-scheduler';
export * from './dto/unconference.input';
