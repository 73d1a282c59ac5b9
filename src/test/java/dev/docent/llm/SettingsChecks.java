package dev.docent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docent.llm.settings.InvalidLlmSettingsException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * How the module's settings records are tested: bound from environment variables, failing
 * with one line.
 */
final class SettingsChecks {

    private SettingsChecks() {
    }

    static <T> T bindEnvironment(String prefix, Class<T> settings, Map<String, Object> variables) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate(prefix, settings);
    }

    static void assertInvalid(ThrowingCallable construction, String message) {
        assertThatThrownBy(construction).isInstanceOf(InvalidLlmSettingsException.class).hasMessage(message);
    }

    /**
     * Starts an application of {@code configuration} alone, which {@code arguments} must
     * stop with {@code line}.
     */
    static void assertStartStopsWithOneLine(CapturedOutput output, Class<?> configuration, String line,
            String... arguments) {
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run(arguments));

        assertThat(output.getOut()).containsSubsequence("APPLICATION FAILED TO START", "Description:",
                System.lineSeparator() + System.lineSeparator() + line + System.lineSeparator());
        assertThat(output.getOut()).doesNotContain("Action:");
    }

}
