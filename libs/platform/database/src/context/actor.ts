/** Who is doing the work: a signed-in person, a partner system, or Hearth itself (jobs, CLI). */
export type ActorKind = 'user' | 'partner' | 'system';

export interface Actor {
  kind: ActorKind;
  /** Keycloak subject for users, client id for partners, a job or command name for the system. */
  id: string;
  name?: string;
  email?: string;
  username?: string;
  roles: readonly string[];
  /** OAuth scopes; meaningful for partners. */
  scopes: readonly string[];
  /** Keycloak organization aliases the token names. */
  organizations: readonly string[];
}

export function systemActor(id: string): Actor {
  return { kind: 'system', id, roles: [], scopes: [], organizations: [] };
}

/** How records name who made them (`uploaded_by`, `reported_by`): the person's name, else their username or id. */
export function actorLabel(actor: Actor | undefined): string {
  return actor?.name ?? actor?.username ?? actor?.id ?? 'unknown';
}
