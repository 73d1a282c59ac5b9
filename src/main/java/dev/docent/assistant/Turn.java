package dev.docent.assistant;

/** A turn checked and ready to run: the question is stored and answered when it runs. */
@FunctionalInterface
public interface Turn {

    /**
     * Stores the question, answers it (streaming to the listener) and stores the answer.
     */
    TurnOutcome run(TurnListener listener);

}
