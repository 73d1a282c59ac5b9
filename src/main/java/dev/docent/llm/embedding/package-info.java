/**
 * The Embedder adapters, plain Java: LangChain4j's quantized ONNX models in this JVM, and
 * an OpenAI-compatible embeddings endpoint.
 */
package dev.docent.llm.embedding;
