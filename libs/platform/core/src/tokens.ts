/** Injection token for the validated HearthConfig (see ConfigModule in the kernel). */
export const HEARTH_CONFIG = Symbol('HEARTH_CONFIG');
