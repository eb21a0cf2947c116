/** The error `p` rejects with, for tests that look at more than its message; fails the test if it resolves. */
export const rejectionOf = async <E = Error>(p: Promise<unknown>): Promise<E> => {
  try {
    await p;
  } catch (e) {
    return e as E;
  }
  throw new Error("expected the call to fail, but it succeeded");
};
