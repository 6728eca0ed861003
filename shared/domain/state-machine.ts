import { DomainError } from './errors';

/**
 * A lifecycle as data: each action names the states it may start from and the state it leads to.
 * Anything not listed is refused, so adding a status never silently opens a path.
 */
export interface Lifecycle<S extends string, A extends string> {
  readonly transitions: Readonly<Record<A, { readonly from: readonly S[]; readonly to: S }>>;
  /** The state `action` leads to from `from`, or a DomainError('invalid_transition'). */
  next(from: S, action: A): S;
  can(from: S, action: A): boolean;
}

export function defineLifecycle<S extends string, A extends string>(
  transitions: Record<A, { from: readonly S[]; to: S }>,
): Lifecycle<S, A> {
  const can = (from: S, action: A) => transitions[action].from.includes(from);
  return {
    transitions,
    can,
    next(from, action) {
      if (!can(from, action)) {
        throw new DomainError('invalid_transition', [], {
          detail: `Cannot ${action} a listing that is ${from}.`,
          detailZh: `状态为「${from}」时不能执行「${action}」。`,
        });
      }
      return transitions[action].to;
    },
  };
}
