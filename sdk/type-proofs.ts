/**
 * Compile-time proofs, for keeping a hand-written public model and the code that produces it in step:
 * `Proof<Same<A, B>>` compiles only while A and B are the same type, so drift fails the typecheck. Nothing
 * here exists at run time.
 */

/** T's own fields as one object type, so `X & Y` and the same fields written out compare equal. */
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * `true` when A and B have the same fields, each with the same type and the same optionality (a missing
 * optional field or an extra one is a difference, which plain assignability would let through).
 */
export type Same<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;

/** Compiles only when given `true`. */
export type Proof<T extends true> = T;
