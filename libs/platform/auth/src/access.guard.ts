import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { HEARTH_CONFIG, HearthError, type HearthConfig } from '@hearth/platform-core';
import { AuditLog, hearthContext, type Actor, type HearthContext } from '@hearth/platform-database';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import { AccessTokenVerifier } from './access-token-verifier';
import { actorFromClaims } from './actor-from-claims';
import { ACT_FOR_HEADER, MemberResolution } from './member-resolution';
import { PARTNER_CLIENT_POLICY, type PartnerClientPolicy } from './partner-client-policy';
import { RateLimiter, type RateLimitDecision } from './rate-limiter';

const AUTHENTICATED = Symbol('authenticated');
const ACT_FOR_AUDITED = Symbol('act-for audited');

/**
 * The global guard. Default-deny: an operation with no access rule is refused (and the schema
 * walk in the tests fails on it), so a forgotten decorator can never open an operation.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly members: MemberResolution,
    private readonly audit: AuditLog,
    private readonly limiter: RateLimiter,
    private readonly moduleRef: ModuleRef,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  private policy?: PartnerClientPolicy | null;

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    const operation = `${execution.getClass().name}.${execution.getHandler().name}`;
    if (!rule) throw new HearthError('FORBIDDEN', `${operation} declares no access rule, so it is closed`);
    if (rule.kind === 'public') return true;

    const context = hearthContext.require();
    await context.memoize(AUTHENTICATED, () => this.authenticate(context, requestOf(execution)));
    const actor = context.actor!;
    if (rule.kind === 'granted' && !isGranted(rule, actor)) {
      throw new HearthError(
        'FORBIDDEN',
        actor.kind === 'partner'
          ? `This client lacks a scope this operation needs (${(rule.scopes ?? []).join(' or ') || 'none is open to partners'})`
          : `This operation needs one of the roles: ${rule.roles.join(', ')}`,
      );
    }
    if (context.actingFor) {
      await context.memoize(ACT_FOR_AUDITED, () =>
        this.audit.record({ operation: 'consortium.actFor', targetType: 'operation', targetId: operationName(execution) }),
      );
    }
    return true;
  }

  private async authenticate(context: HearthContext, request: Request): Promise<void> {
    const header = request.headers.authorization;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new HearthError('UNAUTHENTICATED', 'Sign in: send an access token as "Authorization: Bearer <token>"');
    let actor = actorFromClaims(await this.verifier.verify(match[1]));
    const actFor = request.headers[ACT_FOR_HEADER];
    const binding = await this.members.bind(actor, Array.isArray(actFor) ? actFor[0] : actFor);
    let ownLimit: number | undefined;
    if (actor.kind === 'partner') {
      const policy = this.partnerPolicy();
      if (policy) {
        const verdict = await policy.check(actor, binding.tenantId);
        if (!verdict.allowed) throw new HearthError('FORBIDDEN', verdict.reason ?? 'This partner client may not use the API');
        ownLimit = verdict.rateLimitPerMinute;
        const held = verdict.scopes;
        if (held) actor = { ...actor, scopes: actor.scopes.filter((scope) => held.includes(scope)) };
      }
    }
    await this.limit(actor, binding.tenantId, ownLimit, request);
    context.actor = actor;
    context.actingFor = binding.actingFor;
    if (binding.tenantId) context.setTenant(binding.tenantId);
    if (binding.guestOrganisationId) context.setGuestOrganisation(binding.guestOrganisationId);
  }

  /**
   * Counts the request against its client's (or person's) window and tells the caller where it
   * stands in `RateLimit-*` headers; over the limit it is refused with `RATE_LIMITED` (HTTP 429
   * and `Retry-After`). Runs once per HTTP request, after the token is verified.
   */
  private async limit(actor: Actor, tenantId: string | undefined, ownLimit: number | undefined, request: Request): Promise<void> {
    const { partnerPerMinute, userPerMinute, windowSeconds } = this.config.rateLimits;
    const partner = actor.kind === 'partner';
    const limit = partner ? ownLimit ?? partnerPerMinute : userPerMinute;
    const key = partner ? `partner:${tenantId ?? '-'}:${actor.id}` : `user:${actor.id}`;
    const decision = await this.limiter.consume(key, limit, windowSeconds);
    const response = request.res;
    if (response && !response.headersSent) {
      response.setHeader('RateLimit-Limit', String(decision.limit));
      response.setHeader('RateLimit-Remaining', String(decision.remaining));
      response.setHeader('RateLimit-Reset', String(decision.resetSeconds));
      if (!decision.allowed) response.setHeader('Retry-After', String(decision.resetSeconds));
    }
    if (!decision.allowed) throw rateLimited(decision, partner ? `partner client ${actor.id}` : 'signed-in person');
  }

  /** The bound PartnerClientPolicy, looked up once across every module (none bound: null). */
  private partnerPolicy(): PartnerClientPolicy | null {
    if (this.policy === undefined) {
      try {
        this.policy = this.moduleRef.get<PartnerClientPolicy>(PARTNER_CLIENT_POLICY, { strict: false });
      } catch {
        this.policy = null;
      }
    }
    return this.policy;
  }
}

/** The refusal of a request over its rate limit: which limit, and when to try again. */
export function rateLimited(decision: RateLimitDecision, who: string): HearthError {
  const window = decision.windowSeconds === 60 ? 'minute' : `${decision.windowSeconds} seconds`;
  return new HearthError(
    'RATE_LIMITED',
    `Rate limit reached: this ${who} may make ${decision.limit} requests per ${window}; retry after ${decision.resetSeconds} s`,
    { limit: decision.limit, windowSeconds: decision.windowSeconds, retryAfterSeconds: decision.resetSeconds },
  );
}

/** The access rule itself, for code that guards a field rather than an operation: people by realm role, partners by OAuth scope. */
export function isGranted(rule: { roles: readonly string[]; scopes?: readonly string[] }, actor: Actor): boolean {
  return actor.kind === 'partner'
    ? (rule.scopes ?? []).some((scope) => actor.scopes.includes(scope))
    : rule.roles.some((role) => actor.roles.includes(role));
}

function requestOf(execution: ExecutionContext): Request {
  if (execution.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(execution).getContext<{ req: Request }>().req;
  }
  return execution.switchToHttp().getRequest<Request>();
}

function operationName(execution: ExecutionContext): string {
  if (execution.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(execution).getInfo().fieldName;
  }
  return execution.switchToHttp().getRequest<Request>().path;
}
