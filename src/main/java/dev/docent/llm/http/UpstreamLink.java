package dev.docent.llm.http;

import java.util.concurrent.CompletionStage;

/** Ties one streaming HTTP exchange to the stream it feeds. */
public interface UpstreamLink {

    /**
     * Completes when the stream no longer wants the exchange, which is then aborted
     * whatever its state.
     */
    CompletionStage<?> abandoned();

    /**
     * Called once the exchange is over, however it ended, after LangChain4j has seen all
     * of it.
     */
    void exchangeEnded();

}
