/**
 * `domain-tasks emulator`: hands the rest of the command line to the emulator's own command
 * (emulator/command.ts), which parses its flags, prints its own help and serves until Ctrl-C or SIGTERM.
 */
export const runEmulator = async (argv: readonly string[]): Promise<number> => {
  const { runEmulatorCommand } = await import("../../emulator/command");
  return runEmulatorCommand([...argv]);
};
