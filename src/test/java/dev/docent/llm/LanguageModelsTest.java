package dev.docent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docent.llm.ModelFailure.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The beans the module contributes, as the settings choose them. */
class LanguageModelsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Module.class);

    @Test
    void withoutAProviderThereIsAModelThatSaysItIsNotConfigured() {
        context.run(beans -> {
            LanguageModel model = beans.getBean(LanguageModel.class);

            assertThat(model.available()).isFalse();
            assertThat(model.description()).isEqualTo("none");
            List<ModelMessage> question = List.of(ModelMessage.user("hello"));
            assertThatThrownBy(() -> model.complete(question)).isInstanceOfSatisfying(ModelFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED));
            assertThatThrownBy(() -> model.stream(question)).isInstanceOfSatisfying(ModelFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED));
            assertThat(answererHealth(beans.getBean("answerer", HealthIndicator.class)))
                .isEqualTo(Map.of("status", Status.UP, "model", "none"));
        });
    }

    @Test
    void aConfiguredProviderGivesAnAvailableModelNamedInHealthWithoutItsKey() {
        context
            .withPropertyValues("docent.llm.provider=openai", "docent.llm.base-url=http://vllm:8000/v1/",
                    "docent.llm.api-key=sk-secret", "docent.llm.model=qwen2.5")
            .run(beans -> {
                LanguageModel model = beans.getBean(LanguageModel.class);

                assertThat(model.available()).isTrue();
                assertThat(model.description()).isEqualTo("openai:qwen2.5 @ http://vllm:8000/v1");
                assertThat(answererHealth(beans.getBean("answerer", HealthIndicator.class)))
                    .isEqualTo(Map.of("status", Status.UP, "model", "openai:qwen2.5 @ http://vllm:8000/v1"));
            });
    }

    private static Map<String, Object> answererHealth(HealthIndicator indicator) {
        Health health = indicator.health();
        return Map.of("status", health.getStatus(), "model", health.getDetails().get("model"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LlmSettings.class)
    @Import({ LanguageModels.class, AnswererHealth.class })
    static class Module {

    }

}
