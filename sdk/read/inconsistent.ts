/** The error a read ends in when its answers never verified: the contradictions of its last pass, named. */
import { InconsistentAnswerError } from "../errors";

/** At most this many contradictions are spelled out in the message (all are on `problems`). */
const SHOWN = 3;

export const inconsistentAnswer = (
  taskNo: string,
  problems: readonly string[],
  reads: number,
  lastOutcome?: unknown,
): InconsistentAnswerError => {
  const shown = problems.slice(0, SHOWN).join("; ");
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : "";
  return new InconsistentAnswerError(
    `the Domain API's answers for TaskNo ${taskNo} contradict each other, after ${reads} read(s): ${shown}${more}. ` +
      "Nothing was concluded from them; retry later, and report the RequestIds to Alibaba Cloud support if it persists",
    { problems, reads, lastOutcome },
  );
};
