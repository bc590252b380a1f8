import type { RequestStatus } from '../request-vocabulary.ts';

/** Kinds of actor, read from the actor string: staff (`user:`, `key:`, `apikey:`, `cli`), the requester, agents. */
export const ACTOR_KINDS = ['staff', 'requester', 'agent', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** One allowed move of the request state machine and who may make it. */
export interface RequestTransition {
  readonly from: RequestStatus | null;
  readonly to: RequestStatus;
  readonly actors: readonly ActorKind[];
}

const anyone: readonly ActorKind[] = ['staff', 'requester', 'agent', 'system'];
const staffOrSystem: readonly ActorKind[] = ['staff', 'system'];

/**
 * The request lifecycle as data: received → verifying → verified → in progress → completed | partially
 * completed, with refusal, cancellation and expiry on the way. `from: null` is the creation of a request.
 */
export const REQUEST_TRANSITIONS: readonly RequestTransition[] = [
  { from: null, to: 'received', actors: anyone },
  { from: 'received', to: 'verifying', actors: anyone },
  { from: 'received', to: 'verified', actors: ['staff', 'agent', 'system'] },
  { from: 'verifying', to: 'verifying', actors: anyone },
  { from: 'verifying', to: 'verified', actors: anyone },
  { from: 'verified', to: 'in_progress', actors: staffOrSystem },
  { from: 'in_progress', to: 'completed', actors: staffOrSystem },
  { from: 'in_progress', to: 'partially_completed', actors: staffOrSystem },
  // Staff re-run the failed automatic tasks of a partially completed request.
  { from: 'partially_completed', to: 'in_progress', actors: ['staff'] },
  ...(['received', 'verifying', 'verified', 'in_progress'] as const).flatMap((from) => [
    { from, to: 'refused' as const, actors: ['staff'] as const },
    { from, to: 'cancelled' as const, actors: ['staff', 'requester', 'agent'] as const },
  ]),
  { from: 'received', to: 'expired', actors: ['system'] },
  { from: 'verifying', to: 'expired', actors: ['system'] },
];

/** The kind of an actor string such as `user:usr_1`, `key:k_1`, `public`, `drp:agent-1` or `system`. */
export function actorKind(actor: string): ActorKind {
  if (actor === 'system' || actor.startsWith('job:')) return 'system';
  if (actor === 'public' || actor.startsWith('person:')) return 'requester';
  if (actor.startsWith('drp:') || actor.startsWith('agent:')) return 'agent';
  return 'staff';
}

/** The transition that allows `from → to` for the actor, or undefined when the machine forbids it. */
export function findTransition(
  from: RequestStatus | null,
  to: RequestStatus,
  actor: string,
): RequestTransition | undefined {
  const kind = actorKind(actor);
  return REQUEST_TRANSITIONS.find((t) => t.from === from && t.to === to && t.actors.includes(kind));
}
