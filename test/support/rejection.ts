/** The error `p` rejects with, for tests that look at more than its message; fails the test if it resolves. */
export const rejectionOf = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail, but it succeeded");
};
