import { HearthModule } from '@hearth/platform-kernel';

/** A module that only declares events, for webhook tests to subscribe to and publish. */
@HearthModule({
  key: 'probe',
  name: 'Probe',
  description: 'Declares events for webhook tests.',
  version: '0.0.0',
  events: {
    emits: {
      'probe.thing.created': { description: 'A thing was created.' },
      'probe.thing.changed': { description: 'A thing changed.' },
    },
  },
})
export class ProbeModule {}
