import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { HearthError } from '@hearth/platform-core';
import { AuditLog, hearthContext, type Actor, type HearthContext } from '@hearth/platform-database';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import { AccessTokenVerifier } from './access-token-verifier';
import { actorFromClaims } from './actor-from-claims';
import { ACT_FOR_HEADER, MemberResolution } from './member-resolution';

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
  ) {}

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
    const actor = actorFromClaims(await this.verifier.verify(match[1]));
    const actFor = request.headers[ACT_FOR_HEADER];
    const binding = await this.members.bind(actor, Array.isArray(actFor) ? actFor[0] : actFor);
    context.actor = actor;
    context.actingFor = binding.actingFor;
    if (binding.tenantId) context.setTenant(binding.tenantId);
  }
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
